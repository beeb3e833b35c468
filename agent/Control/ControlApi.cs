using System.Text.Json;
using Flowgen.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Flowgen.Control;

/// <summary>
/// The agent's HTTP endpoints. Probes and /metrics are open; everything under /v1 needs the
/// bearer token. JSON bodies are the contract's types (<see cref="ContractJson"/>).
/// </summary>
internal sealed class ControlApi(
    AgentJob job, Func<AgentStatus> status, AgentMetrics metrics, AgentLifetime lifetime, BearerToken token)
{
    /// <summary>How long POST /v1/stop waits for a running job to end before it answers anyway.</summary>
    private static readonly TimeSpan StopAnswerWait = TimeSpan.FromSeconds(5);

    public const string StopCause = "POST /v1/stop";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok\n"));
        routes.MapGet("/readyz", Ready);
        MetricsEndpoint.Map(routes, metrics.ExportAsync);

        RouteGroupBuilder control = routes.MapGroup("/v1");
        control.AddEndpointFilter(new BearerTokenFilter(token));
        control.MapGet("/status", () => StatusAnswer(StatusCodes.Status200OK));
        control.MapPost("/start", StartAsync);
        control.MapPost("/stop", StopAsync);
        control.MapPost("/rate", ChangeRateAsync);
        control.MapPost("/release", Release);
    }

    public static IResult Error(int statusCode, string message) =>
        Results.Json(new AgentError(message), ContractJson.Options, statusCode: statusCode);

    private IResult StatusAnswer(int statusCode) => Results.Json(status(), ContractJson.Options, statusCode: statusCode);

    private IResult Ready()
    {
        AgentState state = job.State;
        return state.IsReady()
            ? Results.Text($"ready: {state}\n")
            : Results.Text($"not ready: {state}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<IResult> StartAsync(HttpRequest request)
    {
        StartRequest? start;
        try
        {
            start = await ReadStartRequestAsync(request);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest,
                $"the body must be empty or like {{\"startAt\": \"2030-01-02T03:04:05.678Z\"}}: {e.Message}");
        }
        Verdict verdict = job.Start(start?.StartAt);
        return verdict.IsAccepted ? StatusAnswer(StatusCodes.Status202Accepted) : Error(StatusCodes.Status409Conflict, verdict.Refusal!);
    }

    private static async Task<StartRequest?> ReadStartRequestAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<StartRequest>(body, ContractJson.Options);
    }

    /// <summary>Sets a paced job's rate: 200 with the status, 400 for a bad rate, 409 when the job can't change it.</summary>
    private async Task<IResult> ChangeRateAsync(HttpRequest request)
    {
        const string form = "the body must be like {\"rate\": \"50k\"}: packets/s like 50k or 2.5M, or bits/s like 800Mbit or 10Gbit";
        Verdict verdict;
        try
        {
            RateRequest? body = await JsonSerializer.DeserializeAsync<RateRequest>(request.Body, ContractJson.Options, request.HttpContext.RequestAborted);
            if (body?.Rate is not { } text)
                return Error(StatusCodes.Status400BadRequest, form);
            verdict = job.ChangeRate(ValueParsers.Rate(text, "rate"));
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"{form} ({e.Message})");
        }
        catch (UsageException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        return verdict.IsAccepted ? StatusAnswer(StatusCodes.Status200OK) : Error(StatusCodes.Status409Conflict, verdict.Refusal!);
    }

    /// <summary>Answers with the status once the job has ended (a running one within milliseconds).</summary>
    private async Task<IResult> StopAsync()
    {
        Verdict verdict = job.Stop(StopCause);
        if (!verdict.IsAccepted)
            return Error(StatusCodes.Status409Conflict, verdict.Refusal!);
        try
        {
            await job.Finished.WaitAsync(StopAnswerWait);
        }
        catch (TimeoutException)
        {
            // Still stopping: the status says so.
        }
        return StatusAnswer(StatusCodes.Status200OK);
    }

    private IResult Release(HttpContext context)
    {
        Verdict verdict = lifetime.CanRelease();
        if (!verdict.IsAccepted)
            return Error(StatusCodes.Status409Conflict, verdict.Refusal!);
        context.Response.OnCompleted(() =>
        {
            lifetime.Release();
            return Task.CompletedTask;
        });
        return StatusAnswer(StatusCodes.Status200OK);
    }
}
