using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen probe IFACE`: can IFACE be a live-frames target?</summary>
internal static class ProbeCommand
{
    public const string Help = """
        usage: flowgen probe [--json] IFACE

        Checks that flowgen can send live frames out of IFACE: privileges, kernel support, the
        interface, and one harmless frame (sent to IFACE's own MAC with an experimental EtherType).
        Exit 0 when it can, 3 when it can't, with the reason and the fix.
        """;

    public static bool RequestsHelp(IReadOnlyList<string> args) => args.Contains("-h") || args.Contains("--help");

    public static int Run(IReadOnlyList<string> args)
    {
        bool json = args.Contains("--json");
        string[] rest = args.Where(a => a != "--json").ToArray();
        if (rest.Length != 1 || rest[0].StartsWith('-'))
            throw new Contract.UsageException("usage: flowgen probe [--json] IFACE");

        ProbeResult result = TargetProbe.Check(Contract.ValueParsers.InterfaceName(rest[0]));
        if (json)
            JsonLines.Write(Console.Out, result with { });
        else if (result.CanTransmit)
            Console.Out.WriteLine($"{result.Interface}: can send live frames (driver {result.Driver ?? "unknown"}, MTU {result.Mtu}, frames up to -s {result.LargestFrame})");
        else
            Console.Out.WriteLine($"{result.Interface}: cannot send live frames: {result.Problem}");
        return result.CanTransmit ? ExitCodes.Done : ExitCodes.Environment;
    }
}
