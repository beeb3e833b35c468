using System.Globalization;
using System.Text.Json;
using Flowgen.Engine;

namespace Flowgen.Cli.Demo;

/// <summary>
/// `flowgen demo`: two test hosts, a sink on one and a UDP generator on the other, both rates
/// live, a summary, and nothing left behind — on Ctrl-C too.
/// </summary>
internal static class DemoCommand
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private static readonly TimeSpan ChildGrace = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        DemoOptions options = DemoOptions.Parse(args);
        HostRequirements.EnsurePrivileged();
        using var stop = new StopRequests();
        using var hosts = DemoHosts.Create();
        using var deadline = new CancellationTokenSource(options.Duration + ChildGrace);

        Console.Out.WriteLine($"demo: test hosts {hosts.GeneratorNamespace} ({DemoHosts.GeneratorInterface} {DemoHosts.GeneratorIPv4}, {DemoHosts.GeneratorIPv6}) " +
                              $"and {hosts.SinkNamespace} ({DemoHosts.SinkInterface} {DemoHosts.SinkIPv4}, {DemoHosts.SinkIPv6}), joined by a veth pair");
        using var sink = FlowgenChild.Start(hosts.SinkNamespace, "sink", DemoHosts.SinkInterface, "--json", "-I", "0.25",
            "--duration", Contract.ValueFormat.Duration(options.Duration + ChildGrace));
        if (await sink.WaitForEventAsync("attached", deadline.Token) is null)
            return await ChildFailedAsync("sink", sink, deadline.Token);

        using var generator = FlowgenChild.Start(hosts.GeneratorNamespace, GeneratorArguments(options));
        using CancellationTokenRegistration onStop = stop.Token.Register(generator.Interrupt);
        var sinkRate = new SinkRate();
        Task sinkReader = sinkRate.FollowAsync(sink, deadline.Token);

        Console.Out.WriteLine($"{"time",8} {"sent/s",14} {"received/s",14} {"dropped/s",12} {"Mbit/s",10}");
        JsonElement? summary = null;
        while (await generator.ReadAsync(deadline.Token) is { } line)
        {
            switch (line.GetProperty("event").GetString())
            {
                case "started":
                    Console.Out.WriteLine($"demo: flowgen udp → {line.GetProperty("destination")} port {line.GetProperty("destinationPort")}, " +
                                          $"{line.GetProperty("frameSize")}-byte frames, for {Contract.ValueFormat.Duration(options.Duration)}");
                    break;
                case "interval":
                    Console.Out.WriteLine(string.Create(Numbers,
                        $"{line.GetProperty("elapsed").GetDouble(),7:F1}s {line.GetProperty("sentPerSecond").GetDouble(),14:N0} " +
                        $"{sinkRate.PacketsPerSecond,14:N0} {line.GetProperty("droppedPerSecond").GetDouble(),12:N0} {line.GetProperty("mbitPerSecond").GetDouble(),10:N1}"));
                    break;
                case "summary":
                    summary = line;
                    break;
            }
        }
        var (exitCode, stderr) = await generator.WaitForExitAsync(deadline.Token);
        if (summary is null)
        {
            Console.Error.Write(stderr);
            return exitCode == ExitCodes.Done ? ExitCodes.Failed : exitCode;
        }

        await sinkRate.SettleAsync(deadline.Token);
        sink.Interrupt();
        await sinkReader;
        await sink.WaitForExitAsync(deadline.Token);
        return PrintSummary(summary.Value, sinkRate.Total, stderr);
    }

    private static string[] GeneratorArguments(DemoOptions options)
    {
        var args = new List<string>
        {
            "udp", DemoHosts.GeneratorInterface, "-a", options.IPv6 ? DemoHosts.SinkIPv6 : DemoHosts.SinkIPv4,
            "--duration", Contract.ValueFormat.Duration(options.Duration), "-t", options.Threads.ToString(Numbers),
            "--json", "-I", "0.5",
        };
        if (options.FrameSize is { } size)
            args.AddRange(["-s", size.ToString(Numbers)]);
        return [.. args];
    }

    private static int PrintSummary(JsonElement summary, long received, string generatorErrors)
    {
        long sent = summary.GetProperty("sent").GetInt64();
        double seconds = summary.GetProperty("seconds").GetDouble();
        double share = sent == 0 ? 0 : 100.0 * received / sent;
        Console.Error.Write(generatorErrors);
        Console.Out.WriteLine(string.Create(Numbers,
            $"summary: {summary.GetProperty("result").GetString()}: sent {sent:N0} frames in {seconds:F2} s " +
            $"({summary.GetProperty("packetsPerSecond").GetDouble() / 1e6:F2} Mpps, {summary.GetProperty("mbitPerSecond").GetDouble():N0} Mbit/s); " +
            $"the sink received {received:N0} ({share:F2}%); the driver dropped {summary.GetProperty("dropped").GetInt64():N0} (not counted as sent), " +
            $"errors {summary.GetProperty("errors").GetInt64():N0}"));
        Console.Out.WriteLine("demo: removing the test hosts");
        return received == sent && sent > 0 ? ExitCodes.Done : ExitCodes.Failed;
    }

    private static async Task<int> ChildFailedAsync(string what, FlowgenChild child, CancellationToken ct)
    {
        var (exitCode, stderr) = await child.WaitForExitAsync(ct);
        Console.Error.Write(stderr);
        Console.Error.WriteLine($"flowgen demo: the {what} failed (exit {exitCode})");
        return exitCode == ExitCodes.Done ? ExitCodes.Failed : exitCode;
    }
}
