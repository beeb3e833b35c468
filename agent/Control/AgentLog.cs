using Flowgen.Contract;
using Microsoft.Extensions.Logging;

namespace Flowgen.Control;

/// <summary>
/// The agent's events, one log line each, every line naming the flow and the job (as message
/// fields, so JSON logs carry them as properties; scopes would drag in ASP.NET's request scopes).
/// A TCP job's end names what was resent and acknowledged; a UDP job's what was dropped and refused.
/// </summary>
internal sealed class AgentLog(ILogger logger, string? flow, IGeneratorJob job)
{
    public const string Category = "flowgen.agent";

    private readonly string _flow = flow ?? "-";
    private readonly string _job = job.ToString();
    private readonly bool _stream = job is TcpJob;

    public void Listening(string addresses) =>
        logger.LogInformation("listening on {Addresses}; flow {Flow}, job {Job}", addresses, _flow, _job);

    public void Preparing() =>
        logger.LogInformation("preparing; flow {Flow}, job {Job}", _flow, _job);

    public void Armed(string summary) =>
        logger.LogInformation("armed: {Summary}; flow {Flow}, job {Job}", summary, _flow, _job);

    public void StartScheduled(DateTimeOffset startAt, TimeSpan delay) =>
        logger.LogInformation("start scheduled at {StartAt}, in {DelaySeconds:F3} s; flow {Flow}, job {Job}",
            Instant(startAt), delay.TotalSeconds, _flow, _job);

    public void Started(DateTimeOffset startedAt, TimeSpan late) =>
        logger.LogInformation("started at {StartedAt}, {LateMilliseconds:F3} ms after the scheduled instant; flow {Flow}, job {Job}",
            Instant(startedAt), late.TotalMilliseconds, _flow, _job);

    public void RateChanged(SendRate rate) =>
        logger.LogInformation("rate changed to {Rate}; flow {Flow}, job {Job}", rate.ToString(), _flow, _job);

    public void StopRequested(string cause, AgentState state) =>
        logger.LogInformation("stop requested by {Cause} while {State}; flow {Flow}, job {Job}", cause, state, _flow, _job);

    public void Finished(JobSnapshot final)
    {
        AgentTotals t = final.Figures.Totals;
        string reason = final.Reason ?? "its limit was reached";
        if (_stream)
            logger.LogInformation("finished: {State} ({Reason}), sent {Sent}, resent {Resent}, acknowledged {BytesAcknowledged} bytes; flow {Flow}, job {Job}",
                final.State, reason, t.Sent, t.Resent, t.BytesAcknowledged, _flow, _job);
        else
            logger.LogInformation("finished: {State} ({Reason}), sent {Sent}, dropped {Dropped}, errors {Errors}; flow {Flow}, job {Job}",
                final.State, reason, t.Sent, t.Dropped, t.Errors, _flow, _job);
    }

    public void Failed(string reason, JobFigures figures)
    {
        AgentTotals t = figures.Totals;
        if (_stream)
            logger.LogError("failed: {Reason} (sent {Sent}, resent {Resent}, acknowledged {BytesAcknowledged} bytes); flow {Flow}, job {Job}",
                reason, t.Sent, t.Resent, t.BytesAcknowledged, _flow, _job);
        else
            logger.LogError("failed: {Reason} (sent {Sent}, dropped {Dropped}, errors {Errors}); flow {Flow}, job {Job}",
                reason, t.Sent, t.Dropped, t.Errors, _flow, _job);
    }

    public void ServingFinalFigures(TimeSpan grace) =>
        logger.LogInformation("serving the final figures until POST /v1/release or for {Grace}; flow {Flow}, job {Job}",
            ValueFormat.Duration(grace), _flow, _job);

    public void Released() =>
        logger.LogInformation("released; flow {Flow}, job {Job}", _flow, _job);

    public void Exiting(string why, int exitCode) =>
        logger.LogInformation("exiting ({Why}) with code {ExitCode}; flow {Flow}, job {Job}", why, exitCode, _flow, _job);

    /// <summary>ISO 8601 in UTC, also in JSON logs (which would otherwise format the value by culture).</summary>
    private static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
}
