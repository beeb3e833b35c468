using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen udp [options] IFACE`: sends UDP frames out of IFACE with live frames.</summary>
internal static class UdpCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args) => RunAsync(args, GeneratorProgramKind.Udp);

    /// <summary>
    /// `flowgen bench-ceiling [udp options] IFACE`: the method's ceiling for benchmarks — the same
    /// frames through a program that only redirects, 2^22 frames per call, nothing counted
    /// (measure at the receiver). Needs --duration.
    /// </summary>
    public static Task<int> RunCeilingAsync(IReadOnlyList<string> args) => RunAsync(args, GeneratorProgramKind.Bare);

    private static async Task<int> RunAsync(IReadOnlyList<string> args, GeneratorProgramKind kind)
    {
        UdpJob job = UdpJob.Parse(args);
        if (kind == GeneratorProgramKind.Bare && (job.Duration is null || job.Packets is not null))
            throw new UsageException("bench-ceiling counts nothing, so it runs for a --duration and takes no -n");
        using var stop = new StopRequests();
        PreparedUdpJob prepared = await UdpJobPreparation.PrepareAsync(job, stop.Token);
        if (kind == GeneratorProgramKind.Bare)
            prepared = prepared with { Settings = prepared.Settings with { FramesPerCall = CeilingFramesPerCall } };
        using var program = GeneratorProgram.Load(kind, prepared.BpfConfig);
        using LatencyReceiver? latency = job.Latency ? LatencyReceiver.Attach(prepared.Interface) : null;
        var generator = new LiveFramesGenerator(program, prepared.Template.Frame, prepared.Settings);
        var reporter = new UdpReporter(Console.Out, job.Json, counters => prepared.MeanWireSize(counters.FramesBySizeClass));
        foreach (string note in prepared.Notes)
            Console.Error.WriteLine($"flowgen: note: {note}");

        reporter.Started(prepared);
        RunOutcome outcome = await GeneratorSession.RunAsync(generator, job.Interval, reporter.Interval, stop.Token);
        LatencyHistogram? histogram = latency is null ? null : await LatencyCollection.SettleAsync(latency);
        reporter.Summary(outcome, histogram?.Summarize());
        if (latency is not null && job.LatencyLog is { } log)
            LatencyCollection.WriteCsv(log, latency.ReadSamples());
        if (outcome.Reason is { } reason && outcome.Result is RunResult.CannotTransmit or RunResult.Failed)
            Console.Error.WriteLine($"flowgen: {reason}");
        return ExitCodes.Of(outcome.Result);
    }

    /// <summary>The call size the kernel notes measured the ceiling with.</summary>
    private const int CeilingFramesPerCall = 1 << 22;
}
