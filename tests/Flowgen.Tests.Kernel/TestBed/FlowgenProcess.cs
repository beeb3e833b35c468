namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// The product, <c>dotnet flowgen.dll …</c>, run like a user runs it: inside the network namespace
/// of its interface (<c>ip netns exec NS …</c>), so <see cref="ChildProcess.Id"/> is flowgen's own pid.
/// </summary>
public sealed class FlowgenProcess : ChildProcess
{
    // The test project references the agent project, whose assembly is named flowgen.
    const string Assembly = "flowgen.dll";

    FlowgenProcess(string? ns, IReadOnlyDictionary<string, string>? environment, string[] args)
        : base(ns, environment, DotnetHost, [Path.Combine(AppContext.BaseDirectory, Assembly), .. args])
    {
    }

    /// <summary>
    /// <c>dotnet flowgen.dll</c> for a copy of the test project's build output in <paramref name="directory"/>,
    /// for callers that must put another command in front of it.
    /// </summary>
    public static IReadOnlyList<string> CommandFrom(string directory) => [DotnetHost, Path.Combine(directory, Assembly)];

    /// <summary>Starts flowgen in <paramref name="ns"/>, or in the current namespace when it is null.</summary>
    public static FlowgenProcess Start(string? ns, params string[] args) => new(ns, null, args);

    /// <summary>Like <see cref="Start(string?, string[])"/>, with extra environment variables.</summary>
    public static FlowgenProcess Start(string? ns, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(ns, environment, args);

    /// <summary>Runs flowgen to completion; on timeout kills it and throws with its output.</summary>
    public static Task<ProcessResult> RunAsync(string? ns, TimeSpan timeout, params string[] args) => ResultOfAsync(Start(ns, args), timeout);

    /// <summary>Like <see cref="RunAsync(string?, TimeSpan, string[])"/>, with extra environment variables.</summary>
    public static Task<ProcessResult> RunAsync(
        string? ns, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ResultOfAsync(Start(ns, environment, args), timeout);

    static async Task<ProcessResult> ResultOfAsync(FlowgenProcess started, TimeSpan timeout)
    {
        await using var flowgen = started;
        return await flowgen.WaitForResultAsync(timeout);
    }

    // The test host usually runs under the dotnet muxer; `ip netns exec` needs a path or a PATH entry.
    static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
