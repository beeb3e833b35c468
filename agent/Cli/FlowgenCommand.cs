using Flowgen.Contract;

namespace Flowgen.Cli;

/// <summary>The `flowgen` entry point: picks the command and maps failures to exit codes.</summary>
internal static class FlowgenCommand
{
    private const string Usage = """
        usage: flowgen COMMAND [options]

        commands:
          udp     send UDP frames with XDP live frames (IPv4 or IPv6)
          tcp     stream to a TCP receiver: the kernel connects, XDP live frames send
          sink    count (and drop or pass) test traffic arriving on an interface
          wire    forward frames between two interfaces, dropping a set fraction (for loss tests)
          reflect send probes back to their sender (the far end of latency measurements)
          probe   check whether an interface can send live frames, and why not
          demo    two test hosts on a veth pair, a sink and a generator, for a few seconds
          agent   run one job as a daemon: HTTP control API and Prometheus metrics
                  (flowgen agent --port P --token-file F -- udp …)

          bench-ceiling [udp options] IFACE
                  for benchmarks: the same frames through a program that only redirects,
                  counting nothing (measure at the receiver); needs --duration

        'flowgen COMMAND --help' describes a command's options.
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(Usage);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Done;
        }
        if (args[0] == "--version")
            return PrintVersion();
        string[] rest = args[1..];
        try
        {
            Command command = Commands.FirstOrDefault(c => c.Name == args[0])
                ?? throw new UsageException($"unknown command '{args[0]}': try 'flowgen --help'");
            if (command.RequestsHelp(rest))
            {
                Console.Out.Write(command.Help);
                return ExitCodes.Done;
            }
            return command.RunAsync(rest).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("flowgen: stopped before anything was sent");
            return ExitCodes.Done;
        }
        catch (Exception e)
        {
            int exitCode = ExitCodes.Of(e);
            bool debug = exitCode == ExitCodes.Failed && Environment.GetEnvironmentVariable("FLOWGEN_DEBUG") == "1";
            return Fail(debug ? e.ToString() : e.Message, exitCode);
        }
    }

    private sealed record Command(
        string Name, Func<IReadOnlyList<string>, bool> RequestsHelp, string Help, Func<IReadOnlyList<string>, Task<int>> RunAsync);

    private static readonly Command[] Commands =
    [
        new("udp", UdpJob.RequestsHelp, UdpJob.Help, UdpCommand.RunAsync),
        new("tcp", TcpJob.RequestsHelp, TcpJob.Help, TcpCommand.RunAsync),
        new("sink", SinkOptions.RequestsHelp, SinkOptions.Help, SinkCommand.RunAsync),
        new("wire", WireOptions.RequestsHelp, WireOptions.Help, WireCommand.RunAsync),
        new("reflect", ReflectOptions.RequestsHelp, ReflectOptions.Help, ReflectCommand.RunAsync),
        new("probe", ProbeCommand.RequestsHelp, ProbeCommand.Help, args => Task.FromResult(ProbeCommand.Run(args))),
        new("demo", Demo.DemoOptions.RequestsHelp, Demo.DemoOptions.Help, Demo.DemoCommand.RunAsync),
        new("agent", AgentOptions.RequestsHelp, AgentOptions.Help, AgentCommand.RunAsync),
        new("bench-ceiling", UdpJob.RequestsHelp, UdpJob.Help, UdpCommand.RunCeilingAsync),
    ];

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"flowgen: {message}");
        return exitCode;
    }

    private static int PrintVersion()
    {
        Console.Out.WriteLine($"flowgen {BuildInfo.Version}");
        return ExitCodes.Done;
    }
}
