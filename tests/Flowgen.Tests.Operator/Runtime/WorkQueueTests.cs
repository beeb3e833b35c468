using Microsoft.Extensions.Time.Testing;
using Flowgen.Operator.Kubernetes;

namespace Flowgen.Tests.Operator.Runtime;

public sealed class WorkQueueTests
{
    [Fact]
    public async Task A_key_added_twice_while_waiting_is_handed_out_once()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        Assert.Equal(2, queue.Count);
        Assert.Equal((true, "a"), await queue.GetAsync(CancellationToken.None));
        Assert.Equal((true, "b"), await queue.GetAsync(CancellationToken.None));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_key_added_while_processing_comes_back_only_after_Done()
    {
        using var queue = new WorkQueue<string>();
        queue.Add("a");
        var (_, key) = await queue.GetAsync(CancellationToken.None);

        queue.Add("a");
        queue.Add("a");
        Assert.Equal(0, queue.Count);
        using var brief = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(brief.Token));

        queue.Done(key);
        Assert.Equal(1, queue.Count);
        Assert.Equal((true, "a"), await queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Workers_never_process_one_key_concurrently_and_see_its_last_add()
    {
        using var queue = new WorkQueue<int>();
        var inFlight = new int[4];
        var overlaps = 0;
        var processed = new int[4];
        using var stop = new CancellationTokenSource();
        var loop = new ReconcileLoop<int>(queue, async (key, _) =>
        {
            if (Interlocked.Increment(ref inFlight[key]) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            await Task.Delay(2, CancellationToken.None);
            Interlocked.Increment(ref processed[key]);
            Interlocked.Decrement(ref inFlight[key]);
            return ReconcileResult.Done;
        }, workers: 8);
        var running = loop.RunAsync(stop.Token);

        for (var i = 0; i < 400; i++)
        {
            queue.Add(i % 4);
            if (i % 16 == 0)
            {
                await Task.Delay(1);
            }
        }
        await Eventually.True(() => queue.Count == 0 && inFlight.All(n => n == 0));
        await Task.Delay(50);
        await stop.CancelAsync();
        await running;

        Assert.Equal(0, overlaps);
        Assert.All(processed, n => Assert.InRange(n, 1, 100));
    }

    [Fact]
    public void Retry_delays_double_per_key_and_Forget_resets_them()
    {
        using var queue = new WorkQueue<string>(new WorkQueueOptions
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(40),
        });

        var delays = Enumerable.Range(0, 6).Select(_ => queue.AddRateLimited("a").TotalMilliseconds).ToArray();
        var other = queue.AddRateLimited("b");

        Assert.Equal([5, 10, 20, 40, 40, 40], delays);
        Assert.Equal(TimeSpan.FromMilliseconds(5), other);
        Assert.Equal(6, queue.Failures("a"));
        queue.Forget("a");
        Assert.Equal(0, queue.Failures("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), queue.AddRateLimited("a"));
    }

    [Fact]
    public async Task A_failing_reconcile_is_retried_with_backoff_until_it_succeeds()
    {
        using var queue = new WorkQueue<string>(new WorkQueueOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(20) });
        var attempts = new List<DateTimeOffset>();
        using var stop = new CancellationTokenSource();
        var loop = new ReconcileLoop<string>(queue, (_, _) =>
        {
            lock (attempts)
            {
                attempts.Add(DateTimeOffset.UtcNow);
                if (attempts.Count < 4)
                {
                    throw new InvalidOperationException("not yet");
                }
            }
            return Task.FromResult(ReconcileResult.Done);
        }, workers: 2);
        var running = loop.RunAsync(stop.Token);

        queue.Add("flow");
        await Eventually.True(() => { lock (attempts) { return attempts.Count == 4; } });
        await Eventually.True(() => queue.Failures("flow") == 0);
        await stop.CancelAsync();
        await running;

        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        Assert.True(gaps[0] >= 15 && gaps[1] >= 35 && gaps[2] >= 75, $"gaps {string.Join(", ", gaps)}");
    }

    [Fact]
    public async Task AddAfter_hands_the_key_out_no_sooner_than_asked_and_the_earliest_request_wins()
    {
        var clock = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time: clock);
        queue.AddAfter("a", TimeSpan.FromMilliseconds(600));
        queue.AddAfter("a", TimeSpan.FromMilliseconds(200));
        queue.AddAfter("a", TimeSpan.FromMilliseconds(400));

        clock.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Yield();
        Assert.Equal(0, queue.Count);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        var (ok, key) = await queue.GetAsync(timeout.Token);
        Assert.True(ok);
        queue.Done(key);

        // The later requests were superseded by the earliest: the key does not come back.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await Task.Delay(50);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task RequeueAfter_from_the_reconciler_brings_the_key_back()
    {
        using var queue = new WorkQueue<string>();
        var calls = 0;
        using var stop = new CancellationTokenSource();
        var loop = new ReconcileLoop<string>(queue, (_, _) =>
            Task.FromResult(Interlocked.Increment(ref calls) < 3 ? ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(50)) : ReconcileResult.Done));
        var running = loop.RunAsync(stop.Token);

        queue.Add("flow");
        await Eventually.True(() => Volatile.Read(ref calls) == 3);
        await Task.Delay(200);
        await stop.CancelAsync();
        await running;

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ShutDown_wakes_waiting_workers_and_drops_pending_keys()
    {
        using var queue = new WorkQueue<string>();
        var waiter = queue.GetAsync(CancellationToken.None);
        queue.AddAfter("later", TimeSpan.FromMilliseconds(50));

        queue.ShutDown();
        queue.Add("ignored");

        Assert.False((await waiter.WaitAsync(Eventually.Patience)).Ok);
        Assert.False((await queue.GetAsync(CancellationToken.None)).Ok);
        await Task.Delay(100);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Cancelling_the_loop_lets_the_current_reconcile_finish_and_stops_the_workers()
    {
        using var queue = new WorkQueue<string>();
        var entered = new TaskCompletionSource();
        var sawCancel = false;
        using var stop = new CancellationTokenSource();
        var loop = new ReconcileLoop<string>(queue, async (_, ct) =>
        {
            entered.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                sawCancel = true;
                throw;
            }
            return ReconcileResult.Done;
        });
        var running = loop.RunAsync(stop.Token);
        queue.Add("flow");
        await entered.Task.WaitAsync(Eventually.Patience);

        await stop.CancelAsync();
        await running.WaitAsync(Eventually.Patience);

        Assert.True(sawCancel);
        Assert.True(queue.IsShutDown);
    }
}
