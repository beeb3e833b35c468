namespace Flowgen.Cli;

internal static class FlowgenCommand
{
    public static int Run(string[] args) => 0;
}
