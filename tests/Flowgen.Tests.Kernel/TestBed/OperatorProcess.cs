namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// The real operator binary, <c>dotnet flowgen-operator.dll run --server URL …</c> from the test's build
/// output, in a network namespace (null: the root one); /healthz and /metrics on loopback. Stop it with
/// <see cref="StopAsync"/> (SIGTERM, as Kubernetes does); disposing kills it if it still runs.
/// </summary>
public sealed class OperatorProcess : ChildProcess
{
    // The test project references the operator project, whose assembly is named flowgen-operator.
    const string Assembly = "flowgen-operator.dll";
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    OperatorProcess(string? ns, IEnumerable<string> args)
        // The dotnet host the tests run flowgen with.
        : base(ns, null, FlowgenProcess.CommandFrom(AppContext.BaseDirectory)[0], [Path.Combine(AppContext.BaseDirectory, Assembly), .. args])
    {
    }

    /// <summary>Starts it; <paramref name="port"/> 0 lets it take any free port, for callers that don't scrape it.</summary>
    public static OperatorProcess Start(string? ns, Uri server, string leaseNamespace, string identity, int port = 0) => new(ns,
        ["run", "--server", server.ToString(), "--port", $"{port}", "--bind", "127.0.0.1", "--lease-namespace", leaseNamespace, "--identity", identity]);

    /// <summary>SIGTERM, then its exit code (0 when it stepped down cleanly).</summary>
    public Task<int> StopAsync()
    {
        Signal("TERM");
        return WaitForExitAsync(StopLimit);
    }
}
