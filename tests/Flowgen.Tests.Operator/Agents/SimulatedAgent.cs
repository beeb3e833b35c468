using System.Collections.Concurrent;
using System.Text.Json;
using Flowgen.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Flowgen.Tests.Operator.Agents;

/// <summary>
/// A stand-in for `flowgen agent` on loopback: the same control API and contract types, with
/// the state and figures set by the test. It records every start request.
/// </summary>
internal sealed class SimulatedAgent : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private AgentStatus _status;
    private int _stops;
    private int _releases;

    private SimulatedAgent(WebApplication app, string token, AgentStatus initial)
    {
        _app = app;
        Token = token;
        _status = initial;
    }

    public string Token { get; }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<StartRequest> StartRequests { get; } = new();

    public int StopRequests => Volatile.Read(ref _stops);

    public int ReleaseRequests => Volatile.Read(ref _releases);

    /// <summary>Called with the status each GET /v1/status answers, before answering.</summary>
    public Action<AgentStatus>? OnStatusRead { get; set; }

    public AgentStatus Status
    {
        get { lock (_gate) return _status; }
        set { lock (_gate) _status = value; }
    }

    public static async Task<SimulatedAgent> StartAsync(string token, AgentState state = AgentState.Armed)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var agent = new SimulatedAgent(app, token, NewStatus(state));
        agent.Map();
        await app.StartAsync();
        agent.Address = new Uri(app.Urls.First() + "/");
        return agent;
    }

    public static AgentStatus NewStatus(AgentState state) => new()
    {
        State = state,
        Interface = "eth1",
        Mode = UdpJob.Command,
        Job = "udp --dst-addr 198.18.0.2 eth1",
        Totals = AgentTotals.Zero,
        Rates = AgentRates.Zero,
    };

    private void Map()
    {
        _app.MapGet("/v1/status", (HttpContext context) => Authorized(context, () =>
        {
            AgentStatus status = Status;
            OnStatusRead?.Invoke(status);
            return Results.Json(status, ContractJson.Options);
        }));
        _app.MapPost("/v1/start", async (HttpContext context) =>
        {
            if (!IsAuthorized(context))
                return Results.Unauthorized();
            var request = await JsonSerializer.DeserializeAsync<StartRequest>(context.Request.Body, ContractJson.Options)
                ?? new StartRequest(null);
            lock (_gate)
            {
                if (_status.State != AgentState.Armed)
                    return Results.Json(new AgentError($"cannot start: the job is {_status.State}"), ContractJson.Options, statusCode: 409);
                StartRequests.Enqueue(request);
                _status = _status with { State = AgentState.Running, StartAt = request.StartAt };
                return Results.Json(_status, ContractJson.Options, statusCode: 202);
            }
        });
        _app.MapPost("/v1/stop", (HttpContext context) => Authorized(context, () =>
        {
            Interlocked.Increment(ref _stops);
            lock (_gate)
                _status = _status with { State = AgentState.Stopped, Reason = "POST /v1/stop" };
            return Results.Json(Status, ContractJson.Options);
        }));
        _app.MapPost("/v1/release", (HttpContext context) => Authorized(context, () =>
        {
            Interlocked.Increment(ref _releases);
            return Results.Ok();
        }));
    }

    private IResult Authorized(HttpContext context, Func<IResult> answer) =>
        IsAuthorized(context) ? answer() : Results.Unauthorized();

    private bool IsAuthorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == $"Bearer {Token}";

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
