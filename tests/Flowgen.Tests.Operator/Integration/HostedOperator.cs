using System.Net;
using Flowgen.Operator.Hosting;
using Flowgen.Tests.Operator.Runtime;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>A whole operator instance (`flowgen-operator run`) in the background, with lease timings short enough for tests.</summary>
internal sealed class HostedOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly OperatorHost host;
    private readonly Task run;
    private int stopped;

    public HostedOperator(Uri server, string identity, Func<V1Pod, Uri?> resolve, bool releaseOnStop = true)
    {
        var options = new RunOptions
        {
            Server = server, Port = 0, Bind = IPAddress.Loopback, LeaseNamespace = "default", Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(3), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(250),
            ReleaseOnStop = releaseOnStop,
        };
        host = new OperatorHost(options, NullLoggerFactory.Instance, resolve);
        run = Task.Run(() => host.RunAsync(stop.Token));
    }

    public bool IsLeader => host.Elector?.IsLeader == true;

    public async Task<Uri> AddressAsync()
    {
        await Eventually.True(() => host.Address is not null, "operator endpoints listening");
        return host.Address!;
    }

    /// <summary>Stops the instance; it hands the lease back only if told to at construction.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
            return;
        await stop.CancelAsync();
        await run;
        stop.Dispose();
    }
}
