using System.Globalization;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.Isolation;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>
/// The agent's TCP job against a real Linux receiver on the veth bed: connected when Armed,
/// streamed on /v1/start, ended with a normal close, and reported alike on /v1/status and /metrics.
/// </summary>
public sealed class AgentTcpTests
{
    const long Bytes = 20_000_000;
    const string Flow = "tcp-stream";
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Tcp_job_connects_when_armed_streams_on_start_and_succeeds_with_what_the_receiver_read()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var receiver = Receiver(bed);
            var port = Port(receiver);
            await using var agent = await BedAgent.StartArmedTcpAsync(bed, Flow, "--bytes", "20M", "-p", port);

            var armed = await agent.StatusAsync();
            var established = await EstablishedAsync(bed.SinkNamespace, port);
            await agent.StartAsync();
            var final = await agent.SucceededAsync();
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            var samples = PrometheusText.Parse(await agent.MetricsTextAsync());

            Assert.Equal(("tcp", 0L), (armed.Mode, armed.Totals.Sent));
            Assert.True(established.Count == 1, $"established connections to port {port} while Armed: {established.Count}\n{agent.Describe()}");
            Assert.True(final.Reason is null, $"{AgentProcess.Show(final)}\n{agent.Describe()}");
            Assert.Equal(TcpStreamEnd.Closed, receipt.End);
            Assert.Null(receipt.FirstMismatchOffset);
            Assert.Equal(receipt.BytesReceived, final.Totals.BytesAcknowledged);
            Assert.InRange(receipt.BytesReceived, Bytes, Bytes + receipt.RecordSize!.Value - 1);
            Assert.InRange(final.Totals.Resent, 0, final.Totals.Sent);
            Assert.True(final.Totals.Sent >= Bytes / receipt.RecordSize, AgentProcess.Show(final));
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));

            Assert.Equal(final.Totals.Sent, Value(samples, "flowgen_packets_sent_total"));
            Assert.Equal(final.Totals.BytesSent, Value(samples, "flowgen_bytes_sent_total"));
            Assert.Equal(final.Totals.Sent, Value(samples, "flowgen_tcp_segments_sent_total"));
            Assert.Equal(final.Totals.Resent, Value(samples, "flowgen_tcp_segments_resent_total"));
            Assert.Equal(final.Totals.BytesAcknowledged, Value(samples, "flowgen_tcp_bytes_acknowledged_total"));
            Assert.Equal(0, Value(samples, "flowgen_tcp_window_bytes"));
            Assert.All(samples, s => Assert.Equal((Flow, bed.GeneratorInterface, "tcp"), (s.Label("flow"), s.Label("interface"), s.Label("mode"))));
        });
    }

    [SkippableFact]
    public async Task Tcp_metrics_pass_promtool_while_the_job_is_armed()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var receiver = Receiver(bed);
            await using var agent = await BedAgent.StartArmedTcpAsync(bed, Flow, "--bytes", "1M", "-p", Port(receiver));

            var text = await agent.MetricsTextAsync();
            var check = await Promtool.CheckMetricsAsync(text);
            await agent.StartAsync();
            await agent.SucceededAsync();

            Assert.True(check.ExitCode == 0 && check.Stdout.Trim().Length == 0 && check.Stderr.Trim().Length == 0,
                $"{check.Describe()}\n--- the agent's /metrics ---\n{text}");
            // Armed: the connection's window is known before anything is sent.
            Assert.True(PrometheusText.Single(text, "flowgen_tcp_window_bytes") > 0, text);
        });
    }

    [SkippableFact]
    public async Task Tcp_job_whose_port_is_refused_fails_before_arming_with_the_reason()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            // Nothing listens in the sink's namespace.
            await using var agent = await AgentProcess.StartAsync(bed.GeneratorNamespace, BedAgent.TcpJob(bed, "--bytes", "1M"), flow: Flow);

            var final = await agent.WaitForStateAsync(s => s.State.IsFinal(), BedAgent.Patience);

            Assert.True(final.State == AgentState.Failed && final.Reason?.Contains("refused", StringComparison.Ordinal) == true,
                $"{AgentProcess.Show(final)}\n{agent.Describe()}");
            Assert.Null(final.StartedAt);
            Assert.DoesNotContain(agent.Process.StdoutLines, line => line.Contains("armed:", StringComparison.Ordinal));
            Assert.Equal(AgentState.Failed, AgentLogs.FinalState(agent.Process.StdoutLines, agent.Describe()));
            Assert.Equal(("tcp", 0L), (final.Mode, final.Totals.Sent));
            Assert.Empty(await XdpAttachment.InNamespaceAsync(bed.GeneratorNamespace));
        });
    }

    /// <summary>One connection's pattern-checking receiver on the sink's IPv4 address, on a port the kernel picks.</summary>
    static TcpPatternReceiver Receiver(VethTestBed bed) =>
        TcpPatternReceiver.Start(bed.SinkNamespace, bed.SinkIPv4, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);

    static string Port(TcpPatternReceiver receiver) => receiver.EndPoint.Port.ToString(CultureInfo.InvariantCulture);

    static long Value(IReadOnlyList<PrometheusSample> samples, string name) => (long)Assert.Single(samples.Named(name)).Value;

    /// <summary>The established TCP connections to <paramref name="port"/> in <paramref name="ns"/>, as ss lists them.</summary>
    static async Task<IReadOnlyList<string>> EstablishedAsync(string ns, string port)
    {
        var ss = await Command.RunCheckedAsync("ip", ["netns", "exec", ns, "ss", "-Htn", "state", "established", "sport", "=", $":{port}"]);
        return ss.StdoutLines;
    }
}
