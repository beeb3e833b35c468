using Flowgen.Contract;
using Flowgen.Control;
using Flowgen.Engine;
using Flowgen.Interop;
using static Flowgen.Tests.Unit.Agent.AgentJobs;

namespace Flowgen.Tests.Unit.Agent;

public class AgentJobTests
{
    [Fact]
    public async Task Job_arms_and_is_ready_but_sends_nothing_until_started()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);

        Assert.True(job.State.IsReady());
        await Task.Delay(50);
        Assert.False(armed.RanAt.IsCompleted);
        Assert.Null(job.Snapshot().StartedAt);
    }

    [Fact]
    public async Task Job_that_reaches_its_limit_succeeds_with_final_figures_and_frees_its_BPF_objects()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);

        Assert.True(job.Start(null).IsAccepted);
        await armed.RanAt.WaitAsync(Patience);
        Assert.Equal(AgentState.Running, job.State);
        armed.Figures = FakeArmedJob.UdpCounts(sent: 1000);
        armed.End(RunResult.Completed);
        await job.Finished.WaitAsync(Patience);

        JobSnapshot final = job.Snapshot();
        Assert.Equal(AgentState.Succeeded, final.State);
        Assert.Null(final.Reason);
        Assert.Equal(1000, final.Figures.Totals.Sent);
        Assert.True(armed.Disposed);
        Assert.True(final.StartAt <= final.StartedAt && final.StartedAt <= final.FinishedAt);
        Assert.Equal(RunResult.Completed, job.Result);
    }

    [Fact]
    public async Task Start_at_a_future_instant_sends_from_that_instant_not_before()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        DateTimeOffset startAt = DateTimeOffset.UtcNow.AddMilliseconds(400);

        Assert.True(job.Start(startAt).IsAccepted);
        Assert.Equal(AgentState.Running, job.State);
        Assert.Equal(startAt, job.Snapshot().StartAt);
        Assert.Null(job.Snapshot().StartedAt);
        DateTimeOffset ranAt = await armed.RanAt.WaitAsync(Patience);

        Assert.True(ranAt >= startAt, $"ran {(startAt - ranAt).TotalMilliseconds:F3} ms early");
        Assert.True(ranAt - startAt < TimeSpan.FromMilliseconds(100), $"ran {(ranAt - startAt).TotalMilliseconds:F1} ms late");
        Assert.True(job.Snapshot().StartedAt >= startAt);
    }

    [Fact]
    public async Task Start_at_a_past_instant_sends_now_and_records_the_instant_asked_for()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        DateTimeOffset past = DateTimeOffset.UtcNow.AddMinutes(-5);

        Assert.True(job.Start(past).IsAccepted);
        await armed.RanAt.WaitAsync(Patience);

        Assert.Equal(past, job.Snapshot().StartAt);
    }

    [Fact]
    public async Task Second_start_is_refused_and_changes_nothing()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        DateTimeOffset startAt = DateTimeOffset.UtcNow.AddHours(1);
        Assert.True(job.Start(startAt).IsAccepted);

        Verdict again = job.Start(null);

        Assert.False(again.IsAccepted);
        Assert.Contains("Running", again.Refusal, StringComparison.Ordinal);
        Assert.Equal(startAt, job.Snapshot().StartAt);
        Assert.False(armed.RanAt.IsCompleted);
        job.Stop("the test");
    }

    [Fact]
    public void Start_while_preparing_is_refused()
    {
        var arming = new TaskCompletionSource<IArmedJob>();
        using var job = new AgentJob(_ => arming.Task, Log);
        _ = job.PrepareAsync();

        Verdict start = job.Start(null);

        Assert.False(start.IsAccepted);
        Assert.Equal(AgentState.Preparing, job.State);
        Assert.False(job.State.IsReady());
    }

    [Fact]
    public async Task Stop_while_armed_ends_Stopped_at_once_and_frees_its_BPF_objects()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);

        Assert.True(job.Stop("POST /v1/stop").IsAccepted);

        Assert.True(job.Finished.IsCompleted);
        Assert.Equal(AgentState.Stopped, job.State);
        Assert.Contains("POST /v1/stop", job.Snapshot().Reason, StringComparison.Ordinal);
        Assert.True(armed.Disposed);
        Assert.False(job.Start(null).IsAccepted);
        Assert.False(armed.RanAt.IsCompleted);
    }

    [Fact]
    public async Task Stop_before_the_start_instant_ends_Stopped_without_sending()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        job.Start(DateTimeOffset.UtcNow.AddMilliseconds(300));

        Assert.True(job.Stop("SIGTERM").IsAccepted);
        await Task.Delay(500);

        Assert.Equal(AgentState.Stopped, job.State);
        Assert.Contains("before its start time", job.Snapshot().Reason, StringComparison.Ordinal);
        Assert.False(armed.RanAt.IsCompleted);
        Assert.Null(job.Snapshot().StartedAt);
    }

    [Fact]
    public async Task Stop_while_sending_stops_the_generator_and_keeps_what_was_sent()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        job.Start(null);
        await armed.RanAt.WaitAsync(Patience);
        armed.Figures = FakeArmedJob.UdpCounts(sent: 500);

        Assert.True(job.Stop("SIGTERM").IsAccepted);
        await job.Finished.WaitAsync(Patience);

        Assert.True(armed.StopCalled);
        JobSnapshot final = job.Snapshot();
        Assert.Equal(AgentState.Stopped, final.State);
        Assert.Equal("stopped by SIGTERM", final.Reason);
        Assert.Equal(500, final.Figures.Totals.Sent);
        Assert.Equal(RunResult.Stopped, job.Result);
    }

    [Fact]
    public async Task Stop_after_the_end_is_refused()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        job.Start(null);
        await armed.RanAt.WaitAsync(Patience);
        armed.End(RunResult.Completed);
        await job.Finished.WaitAsync(Patience);

        Verdict stop = job.Stop("POST /v1/stop");

        Assert.False(stop.IsAccepted);
        Assert.Equal(AgentState.Succeeded, job.State);
    }

    [Fact]
    public async Task Interface_that_refuses_frames_fails_the_job_with_the_reason_and_its_figures()
    {
        var armed = new FakeArmedJob();
        using AgentJob job = await ArmedAsync(armed);
        job.Start(null);
        await armed.RanAt.WaitAsync(Patience);
        armed.Figures = FakeArmedJob.UdpCounts(sent: 0, errors: (Errno.EOPNOTSUPP, 256));
        armed.End(RunResult.CannotTransmit, "the interface refuses XDP frames (EOPNOTSUPP)");
        await job.Finished.WaitAsync(Patience);

        JobSnapshot final = job.Snapshot();
        Assert.Equal(AgentState.Failed, final.State);
        Assert.Equal("the interface refuses XDP frames (EOPNOTSUPP)", final.Reason);
        Assert.Equal(256, final.Figures.Totals.Errors);
        Assert.False(final.State.IsReady());
    }

    [Theory]
    [InlineData(typeof(EnvironmentException))]
    [InlineData(typeof(UsageException))]
    [InlineData(typeof(InvalidOperationException))]
    public async Task Failure_while_preparing_fails_the_job_with_the_message_as_reason(Type kind)
    {
        var failure = (Exception)Activator.CreateInstance(kind, "interface 'nope0' does not exist")!;
        using AgentJob job = FailingWith(failure);

        await job.PrepareAsync();

        Assert.True(job.Finished.IsCompleted);
        JobSnapshot final = job.Snapshot();
        Assert.Equal(AgentState.Failed, final.State);
        Assert.Equal("interface 'nope0' does not exist", final.Reason);
        Assert.NotNull(final.FinishedAt);
        Assert.Same(failure, job.PreparationError);
        Assert.False(job.Start(null).IsAccepted);
    }

    [Fact]
    public async Task Stop_while_preparing_ends_Stopped_and_frees_what_preparing_then_loads()
    {
        var arming = new TaskCompletionSource<IArmedJob>();
        CancellationToken given = default;
        using var job = new AgentJob(ct =>
        {
            given = ct;
            return arming.Task;
        }, Log);
        Task preparing = job.PrepareAsync();

        Assert.True(job.Stop("SIGTERM").IsAccepted);
        Assert.Equal(AgentState.Stopped, job.State);
        Assert.True(given.IsCancellationRequested);
        var late = new FakeArmedJob();
        arming.SetResult(late);
        await preparing;

        Assert.Equal(AgentState.Stopped, job.State);
        Assert.True(late.Disposed);
    }
}
