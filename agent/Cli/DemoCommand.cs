namespace Flowgen.Cli;

internal static class DemoCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args) => throw new NotImplementedException();
}
