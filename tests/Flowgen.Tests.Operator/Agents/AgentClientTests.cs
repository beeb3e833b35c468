using Flowgen.Contract;
using Flowgen.Operator.Agents;

namespace Flowgen.Tests.Operator.Agents;

/// <summary>The operator's side of the agent control API, against a simulated agent over real HTTP.</summary>
public sealed class AgentClientTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Status_is_read_as_the_agent_wrote_it()
    {
        await using var agent = await SimulatedAgent.StartAsync("t0ken");
        agent.Status = agent.Status with { Totals = AgentTotals.Zero with { Sent = 1234, Dropped = 5 } };

        AgentStatus status = await new AgentClient(Http, agent.Address, "t0ken").StatusAsync(CancellationToken.None);

        Assert.Equal(AgentState.Armed, status.State);
        Assert.Equal(1234, status.Totals.Sent);
        Assert.Equal(5, status.Totals.Dropped);
    }

    [Fact]
    public async Task Start_carries_the_exact_start_instant()
    {
        await using var agent = await SimulatedAgent.StartAsync("t0ken");
        var startAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        AgentStatus status = await new AgentClient(Http, agent.Address, "t0ken").StartAsync(startAt, CancellationToken.None);

        Assert.Equal(AgentState.Running, status.State);
        StartRequest request = Assert.Single(agent.StartRequests);
        Assert.Equal(startAt, request.StartAt);
    }

    [Fact]
    public async Task A_refused_token_is_reported_as_such()
    {
        await using var agent = await SimulatedAgent.StartAsync("t0ken");

        var error = await Assert.ThrowsAsync<AgentRequestException>(
            () => new AgentClient(Http, agent.Address, "wrong").StatusAsync(CancellationToken.None));

        Assert.Contains("refused the flow's token", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsConflict);
    }

    [Fact]
    public async Task A_second_start_is_a_conflict_with_the_agents_reason()
    {
        await using var agent = await SimulatedAgent.StartAsync("t0ken");
        var client = new AgentClient(Http, agent.Address, "t0ken");
        await client.StartAsync(null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AgentRequestException>(() => client.StartAsync(null, CancellationToken.None));

        Assert.True(error.IsConflict);
        Assert.Contains("cannot start: the job is Running", error.Message, StringComparison.Ordinal);
        Assert.Single(agent.StartRequests);
    }
}
