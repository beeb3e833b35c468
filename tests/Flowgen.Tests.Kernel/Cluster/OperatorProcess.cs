using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// The real operator binary, <c>dotnet flowgen-operator.dll run --server URL …</c> from the test's build
/// output, in the root network namespace; health and metrics on a free loopback port. Stop it with
/// <see cref="StopAsync"/> (SIGTERM, as Kubernetes does); disposing kills it if it still runs.
/// </summary>
public sealed class OperatorProcess : ChildProcess
{
    const string Assembly = "flowgen-operator.dll";
    static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    OperatorProcess(IEnumerable<string> args)
        // The dotnet host the tests run flowgen with.
        : base(null, null, FlowgenProcess.CommandFrom(AppContext.BaseDirectory)[0], [Path.Combine(AppContext.BaseDirectory, Assembly), .. args])
    {
    }

    public static OperatorProcess Start(Uri server, string leaseNamespace, string identity) => new(
        ["run", "--server", server.ToString(), "--port", "0", "--bind", "127.0.0.1", "--lease-namespace", leaseNamespace, "--identity", identity]);

    /// <summary>SIGTERM, then its exit code (0 when it stepped down cleanly).</summary>
    public Task<int> StopAsync()
    {
        Signal("TERM");
        return WaitForExitAsync(StopLimit);
    }
}
