using Flowgen.Tests.Operator.Tools;

namespace Flowgen.Tests.Operator.Monitoring;

/// <summary>Runs Debian's promtool (installed by scripts/setup.sh) and captures what it prints.</summary>
internal static class Promtool
{
    public static Task<ExternalTool.Result> RunAsync(params string[] args) =>
        ExternalTool.RunAsync("promtool", "install prometheus (scripts/setup.sh)", args);
}
