namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// The product, <c>dotnet flowgen.dll …</c>, run like a user runs it: inside the network namespace
/// of its interface (<c>ip netns exec NS …</c>), so <see cref="ChildProcess.Id"/> is flowgen's own pid.
/// </summary>
public sealed class FlowgenProcess : ChildProcess
{
    // The test project references the agent project, whose assembly is named flowgen.
    static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "flowgen.dll");

    FlowgenProcess(string? ns, string[] args)
        : base(ns, DotnetHost, [Dll, .. args])
    {
    }

    /// <summary>Starts flowgen in <paramref name="ns"/>, or in the current namespace when it is null.</summary>
    public static FlowgenProcess Start(string? ns, params string[] args) => new(ns, args);

    /// <summary>Runs flowgen to completion; on timeout kills it and throws with its output.</summary>
    public static async Task<ProcessResult> RunAsync(string? ns, TimeSpan timeout, params string[] args)
    {
        await using var flowgen = Start(ns, args);
        var exitCode = await flowgen.WaitForExitAsync(timeout);
        return new ProcessResult(flowgen.CommandLine, exitCode, flowgen.Stdout, flowgen.Stderr);
    }

    // The test host usually runs under the dotnet muxer; `ip netns exec` needs a path or a PATH entry.
    static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
