using Flowgen.Contract;
using Flowgen.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flowgen.Cli;

/// <summary>
/// `flowgen agent --port P --token-file F [options] -- udp|tcp …`: serves the control API and metrics,
/// prepares and arms the job, runs it when started, then serves its final figures until released.
/// </summary>
internal static class AgentCommand
{
    /// <summary>How long a signalled agent waits for its running job to stop.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    /// <summary>How long open connections get to finish when the server stops.</summary>
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        AgentOptions options = AgentOptions.Parse(args);
        var token = BearerToken.FromFile(options.TokenFile);
        using var stop = new StopRequests();

        await using WebApplication app = AgentServer.Create(options);
        var log = new AgentLog(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(AgentLog.Category), options.Flow, options.Job);
        IGeneratorJob job = options.Job;
        using var agentJob = new AgentJob(ct => ArmedJobs.ArmAsync(job, ct), log);
        using var rates = new RateSampler(agentJob.Snapshot);
        var metrics = new AgentMetrics(agentJob.Snapshot, options.Flow, job.Interface, job.Mode, job is UdpJob { Latency: true }, job.FlowCount,
            JobInfoLabels.Of(job));
        var lifetime = new AgentLifetime(agentJob, log);
        AgentStatus Status() => AgentReport.Status(job, options.Flow, agentJob.Snapshot(), rates.Current);
        new ControlApi(agentJob, Status, metrics, lifetime, token).Map(app);

        // Serve first, so that a job that can't be prepared is reported on the API as Failed.
        await AgentServer.StartAsync(app, options);
        log.Listening(string.Join(", ", app.Urls));
        Task preparing = agentJob.PrepareAsync();

        AgentEnd end = await lifetime.WaitAsync(options.Grace, stop.Token);
        if (end == AgentEnd.Signalled)
            agentJob.Stop(stop.Cause ?? "a signal");
        await preparing;
        await agentJob.Finished.WaitAsync(StopWait);

        int exitCode = ExitCode(end, agentJob);
        log.Exiting(end.ToString(), exitCode);
        using (var shutdown = new CancellationTokenSource(ShutdownWait))
            await app.StopAsync(shutdown.Token);
        return exitCode;
    }

    /// <summary>0, unless the job failed and nobody released it: then what `flowgen udp` or `flowgen tcp` would have returned.</summary>
    private static int ExitCode(AgentEnd end, AgentJob job) =>
        end == AgentEnd.Released ? ExitCodes.Done
        : job.PreparationError is { } error ? ExitCodes.Of(error)
        : job.Result is { } result ? ExitCodes.Of(result)
        : ExitCodes.Done;
}
