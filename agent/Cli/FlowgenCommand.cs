using Flowgen.Contract;

namespace Flowgen.Cli;

/// <summary>The `flowgen` entry point: picks the command and maps failures to exit codes.</summary>
internal static class FlowgenCommand
{
    private const string Usage = """
        usage: flowgen COMMAND [options]

        commands:
          udp     send UDP frames with XDP live frames (IPv4 or IPv6)
          sink    count (and drop or pass) test traffic arriving on an interface
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
        string[] rest = args[1..];
        try
        {
            return args[0] switch
            {
                "udp" => UdpCommand.RunAsync(rest).GetAwaiter().GetResult(),
                "sink" => SinkCommand.RunAsync(rest).GetAwaiter().GetResult(),
                "probe" => ProbeCommand.Run(rest),
                "demo" => Demo.DemoCommand.RunAsync(rest).GetAwaiter().GetResult(),
                "agent" => AgentCommand.RunAsync(rest).GetAwaiter().GetResult(),
                "bench-ceiling" => UdpCommand.RunCeilingAsync(rest).GetAwaiter().GetResult(),
                "--version" => PrintVersion(),
                _ => throw new UsageException($"unknown command '{args[0]}': try 'flowgen --help'"),
            };
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
