using Flowgen.Operator.Kubernetes;
using Flowgen.Tests.Operator.Emulator;
using k8s;

namespace Flowgen.Tests.Operator.Runtime;

/// <summary>Two operator instances sharing one Lease on the emulator.</summary>
public sealed class EmulatorLeaderElectionTests : EmulatorTest
{
    private static LeaderElectionOptions Options(string identity, bool release = true) => new("default", "flowgen-operator", identity)
    {
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1.5),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
        ReleaseOnCancel = release,
    };

    [Fact]
    public async Task A_second_instance_stays_passive_until_the_leaders_lease_lapses()
    {
        await using var first = new Candidate(Client, Options("first", release: false));
        await Eventually.True(() => first.Elector.IsLeader, "first leads");
        await using var second = new Candidate(Client, Options("second"));

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(second.Elector.IsLeader);
        Assert.Equal(0, second.Started);

        await first.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        Assert.True(first.LeadershipCancelled);
        await Eventually.True(() => second.Elector.IsLeader, "second takes over");
        Assert.True(DateTimeOffset.UtcNow - stoppedAt >= TimeSpan.FromSeconds(1), "took over before the lease lapsed");

        var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync("flowgen-operator", "default");
        Assert.Equal("second", lease.Spec.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task A_leader_that_shuts_down_releases_the_lease_so_the_standby_takes_over_at_once()
    {
        await using var first = new Candidate(Client, Options("first"));
        await Eventually.True(() => first.Elector.IsLeader, "first leads");
        await using var second = new Candidate(Client, Options("second"));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        await first.StopAsync();
        await Eventually.True(() => second.Elector.IsLeader, "second takes over", within: TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, first.Stopped);
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_steps_down_and_cancels_its_work()
    {
        await using var only = new Candidate(Client, Options("only"));
        await Eventually.True(() => only.Elector.IsLeader, "leads");

        // Every renew from now on conflicts, as if another writer kept winning the race.
        for (var i = 0; i < 12; i++)
        {
            Emulator.FailNextRequest("PUT", "/leases/flowgen-operator", 409);
        }

        await Eventually.True(() => only.LeadershipCancelled, "work cancelled");
        Assert.Equal(1, only.Stopped);
    }

    /// <summary>One elector with its leader work, as the operator's main would wire it.</summary>
    private sealed class Candidate : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task running;
        private int started;
        private int stopped;

        public Candidate(IKubernetes client, LeaderElectionOptions options)
        {
            Elector = new LeaderElector(client, options)
            {
                OnStartedLeading = async ct =>
                {
                    Interlocked.Increment(ref started);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ct);
                    }
                    finally
                    {
                        LeadershipCancelled = true;
                    }
                },
                OnStoppedLeading = () => Interlocked.Increment(ref stopped),
            };
            running = Elector.RunAsync(stop.Token);
        }

        public LeaderElector Elector { get; }

        public int Started => Volatile.Read(ref started);

        public int Stopped => Volatile.Read(ref stopped);

        public volatile bool LeadershipCancelled;

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await running.WaitAsync(Eventually.Patience);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            stop.Dispose();
        }
    }
}
