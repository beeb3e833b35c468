using System.Net;
using System.Net.Http.Json;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>/v1 needs the bearer token from the token file; probes and metrics do not.</summary>
public sealed class ControlAuthTests
{
    static readonly string[] OpenPaths = ["healthz", "readyz", "metrics"];

    [SkippableFact]
    public async Task Control_requests_without_the_token_get_401_and_change_nothing()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var agent = await BedAgent.StartArmedAsync(bed, "-n", "1000");
            string?[] refused = [null, "Bearer wrong-token", $"Bearer {agent.Token}x", $"Basic {agent.Token}", agent.Token];
            var startNow = () => JsonContent.Create(new StartRequest(null), options: ContractJson.Options);

            var answers = new List<(string Request, HttpStatusCode Status)>();
            foreach (var authorization in refused)
            {
                var shown = authorization ?? "(none)";
                answers.Add(($"POST /v1/start {shown}", (await agent.SendAsync(HttpMethod.Post, "v1/start", authorization, startNow())).Status));
                answers.Add(($"POST /v1/stop {shown}", (await agent.SendAsync(HttpMethod.Post, "v1/stop", authorization)).Status));
                answers.Add(($"POST /v1/release {shown}", (await agent.SendAsync(HttpMethod.Post, "v1/release", authorization)).Status));
                answers.Add(($"GET /v1/status {shown}", (await agent.SendAsync(HttpMethod.Get, "v1/status", authorization)).Status));
            }
            var open = new List<(string Request, HttpStatusCode Status)>();
            foreach (var path in OpenPaths)
                open.Add(($"GET /{path}", (await agent.SendAsync(HttpMethod.Get, path, authorization: null)).Status));
            var after = await agent.StatusAsync();

            Assert.All(answers, answer => Assert.Equal((answer.Request, HttpStatusCode.Unauthorized), answer));
            Assert.All(open, answer => Assert.Equal((answer.Request, HttpStatusCode.OK), answer));
            Assert.True(after.State == AgentState.Armed && after.StartAt is null && after.StartedAt is null && after.Totals.Attempted == 0,
                $"refused requests changed the agent: {AgentProcess.Show(after)}\n{agent.Describe()}");
        });
    }
}
