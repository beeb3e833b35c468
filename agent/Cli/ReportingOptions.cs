using Flowgen.Contract;

namespace Flowgen.Cli;

/// <summary>The options of the commands that count until stopped (sink, wire): interval, duration, JSON.</summary>
internal static class ReportingOptions
{
    public static readonly OptionSpec Interval = new("interval", 'I', "TIME", "statistics interval, e.g. 500ms", "1s");
    public static readonly OptionSpec Duration = new("duration", null, "TIME", "stop after TIME, e.g. 30s", "no limit");
    public static readonly OptionSpec Json = new("json", null, null, "print JSON lines for machines");

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    public static bool RequestsHelp(IReadOnlyList<string> args) => args.Contains("-h") || args.Contains("--help");
}
