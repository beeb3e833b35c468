using System.Net;
using System.Net.Http.Json;
using Flowgen.Contract;
using Flowgen.Control;
using static Flowgen.Tests.Unit.Agent.AgentJobs;

namespace Flowgen.Tests.Unit.Agent;

public class ControlApiTests
{
    public static TheoryData<string, string> ControlEndpoints => new()
    {
        { "GET", "/v1/status" },
        { "POST", "/v1/start" },
        { "POST", "/v1/stop" },
        { "POST", "/v1/release" },
    };

    [Fact]
    public async Task Probes_and_metrics_answer_without_a_token()
    {
        await using var host = await ControlApiHost.StartArmedAsync(new FakeArmedJob());

        using HttpResponseMessage health = await host.Client.GetAsync("/healthz");
        using HttpResponseMessage ready = await host.Client.GetAsync("/readyz");
        using HttpResponseMessage metrics = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(AgentMetrics.ContentType, metrics.Content.Headers.ContentType?.ToString());
        Assert.Contains("flowgen_agent_state{state=\"Armed\"", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_ready_while_preparing()
    {
        var arming = new TaskCompletionSource<IArmedJob>();
        await using var host = await ControlApiHost.StartAsync(_ => arming.Task);

        using HttpResponseMessage ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        arming.SetResult(new FakeArmedJob());
    }

    [Theory]
    [MemberData(nameof(ControlEndpoints))]
    public async Task Control_request_without_the_right_token_gets_401_and_changes_nothing(string method, string path)
    {
        var armed = new FakeArmedJob();
        await using var host = await ControlApiHost.StartArmedAsync(armed);

        foreach (string? token in new[] { null, "wrong", ControlApiHost.Token + "x" })
        {
            using HttpResponseMessage response = await host.SendAsync(new HttpMethod(method), path, token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
            Assert.NotNull((await response.Content.ReadFromJsonAsync<AgentError>(ContractJson.Options))?.Error);
        }
        await Task.Delay(50);
        Assert.Equal(AgentState.Armed, host.Job.State);
        Assert.False(armed.RanAt.IsCompleted);
    }

    [Fact]
    public async Task Status_with_the_token_describes_the_job()
    {
        await using var host = await ControlApiHost.StartArmedAsync(new FakeArmedJob());

        AgentStatus? status = await StatusAsync(host);

        Assert.Equal(AgentState.Armed, status?.State);
        Assert.Equal(Job.ToString(), status?.Job);
        Assert.Equal("udp", status?.Mode);
    }

    [Fact]
    public async Task Start_answers_202_with_the_start_instant_and_a_second_start_409()
    {
        await using var host = await ControlApiHost.StartArmedAsync(new FakeArmedJob());
        var startAt = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);

        using HttpResponseMessage first = await host.SendAsync(HttpMethod.Post, "/v1/start", body: """{"startAt": "2099-01-02T03:04:05Z"}""");
        using HttpResponseMessage second = await host.SendAsync(HttpMethod.Post, "/v1/start");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        AgentStatus? running = await first.Content.ReadFromJsonAsync<AgentStatus>(ContractJson.Options);
        Assert.Equal(AgentState.Running, running?.State);
        Assert.Equal(startAt, running?.StartAt);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Running", (await second.Content.ReadFromJsonAsync<AgentError>(ContractJson.Options))?.Error, StringComparison.Ordinal);
        host.Job.Stop("the test");
    }

    [Fact]
    public async Task Start_with_a_body_that_is_not_a_start_request_is_a_bad_request()
    {
        await using var host = await ControlApiHost.StartArmedAsync(new FakeArmedJob());

        using HttpResponseMessage response = await host.SendAsync(HttpMethod.Post, "/v1/start", body: "now please");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AgentState.Armed, host.Job.State);
    }

    [Fact]
    public async Task Stop_answers_with_the_final_status_and_release_then_ends_the_agent()
    {
        var armed = new FakeArmedJob();
        await using var host = await ControlApiHost.StartArmedAsync(armed);
        using (await host.SendAsync(HttpMethod.Post, "/v1/start")) { }
        await armed.RanAt.WaitAsync(Patience);
        Task<AgentEnd> ending = host.Lifetime.WaitAsync(TimeSpan.FromMinutes(10), CancellationToken.None);

        using HttpResponseMessage earlyRelease = await host.SendAsync(HttpMethod.Post, "/v1/release");
        using HttpResponseMessage stop = await host.SendAsync(HttpMethod.Post, "/v1/stop");
        using HttpResponseMessage stopAgain = await host.SendAsync(HttpMethod.Post, "/v1/stop");
        using HttpResponseMessage release = await host.SendAsync(HttpMethod.Post, "/v1/release");

        Assert.Equal(HttpStatusCode.Conflict, earlyRelease.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(AgentState.Stopped, (await stop.Content.ReadFromJsonAsync<AgentStatus>(ContractJson.Options))?.State);
        Assert.Equal(HttpStatusCode.Conflict, stopAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal(AgentEnd.Released, await ending.WaitAsync(Patience));
    }

    private static async Task<AgentStatus?> StatusAsync(ControlApiHost host)
    {
        using HttpResponseMessage response = await host.SendAsync(HttpMethod.Get, "/v1/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<AgentStatus>(ContractJson.Options);
    }
}
