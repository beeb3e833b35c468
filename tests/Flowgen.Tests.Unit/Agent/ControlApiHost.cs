using System.Net;
using System.Net.Http.Headers;
using Flowgen.Contract;
using Flowgen.Control;
using Microsoft.AspNetCore.Builder;
using static Flowgen.Tests.Unit.Agent.AgentJobs;

namespace Flowgen.Tests.Unit.Agent;

/// <summary>The agent's HTTP server on a free loopback port, over a job armed with a fake.</summary>
internal sealed class ControlApiHost : IAsyncDisposable
{
    public const string Token = "s3cret-token";

    private readonly WebApplication _app;

    private ControlApiHost(WebApplication app, AgentJob job, AgentLifetime lifetime, HttpClient client)
    {
        _app = app;
        Job = job;
        Lifetime = lifetime;
        Client = client;
    }

    public AgentJob Job { get; }

    public AgentLifetime Lifetime { get; }

    /// <summary>Talks to the server, without a token unless a request adds one.</summary>
    public HttpClient Client { get; }

    public static async Task<ControlApiHost> StartAsync(Func<CancellationToken, Task<IArmedJob>> arm)
    {
        var options = new AgentOptions { Port = 0, Bind = IPAddress.Loopback, TokenFile = "unused", Job = AgentJobs.Job };
        WebApplication app = AgentServer.Create(options);
        var job = new AgentJob(arm, Log);
        var metrics = new AgentMetrics(job.Snapshot, null, AgentJobs.Job.Interface, AgentJobs.Job.Mode);
        var lifetime = new AgentLifetime(job, Log);
        new ControlApi(job, () => AgentReport.Status(AgentJobs.Job, null, job.Snapshot(), AgentRates.Zero), metrics, lifetime,
            new BearerToken(Token)).Map(app);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        _ = job.PrepareAsync();
        return new ControlApiHost(app, job, lifetime, client);
    }

    public static async Task<ControlApiHost> StartArmedAsync(FakeArmedJob armed)
    {
        ControlApiHost host = await StartAsync(_ => Task.FromResult<IArmedJob>(armed));
        Assert.Equal(AgentState.Armed, host.Job.State);
        return host;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = Token, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Job.Dispose();
    }
}
