using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>The agent on the veth bed: its job sends UDP (or streams TCP) from the generator's veth to the sink's IPv4 address.</summary>
public static class BedAgent
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public const string SentMetric = "flowgen_packets_sent_total";

    /// <summary><c>udp -a SINK [options] veth-gen</c>: a job exactly as the agent's command line takes it.</summary>
    public static string[] UdpJob(VethTestBed bed, params string[] options) =>
        ["udp", "-a", bed.SinkIPv4.ToString(), .. options, bed.GeneratorInterface];

    /// <summary>Starts the agent in the generator namespace; returns once it is Armed, throws with its status if it is not.</summary>
    public static Task<AgentProcess> StartArmedAsync(VethTestBed bed, params string[] options) =>
        ArmedAsync(AgentProcess.StartAsync(bed.GeneratorNamespace, UdpJob(bed, options)));

    /// <summary>Like <see cref="StartArmedAsync"/>, serving <paramref name="flow"/> as an agent pod does (<c>--flow</c>).</summary>
    public static Task<AgentProcess> StartArmedForFlowAsync(VethTestBed bed, string flow, params string[] options) =>
        ArmedAsync(AgentProcess.StartAsync(bed.GeneratorNamespace, UdpJob(bed, options), flow: flow));

    /// <summary><c>tcp [options] -i veth-gen SINK</c>: a TCP job to the sink's IPv4 address, as the agent's command line takes it.</summary>
    public static string[] TcpJob(VethTestBed bed, params string[] options) =>
        ["tcp", .. options, "-i", bed.GeneratorInterface, bed.SinkIPv4.ToString()];

    /// <summary>An agent serving <paramref name="flow"/> whose TCP job is connected and taken over: returns once it is Armed.</summary>
    public static Task<AgentProcess> StartArmedTcpAsync(VethTestBed bed, string flow, params string[] options) =>
        ArmedAsync(AgentProcess.StartAsync(bed.GeneratorNamespace, TcpJob(bed, options), flow: flow));

    static async Task<AgentProcess> ArmedAsync(Task<AgentProcess> starting)
    {
        var agent = await starting;
        try
        {
            var status = await agent.WaitForStateAsync(s => s.State != AgentState.Preparing, Patience);
            Assert.True(status.State == AgentState.Armed, $"the agent did not arm: {AgentProcess.Show(status)}\n{agent.Describe()}");
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for a final state, which must be Succeeded.</summary>
    public static async Task<AgentStatus> SucceededAsync(this AgentProcess agent)
    {
        var final = await agent.WaitForStateAsync(s => s.State.IsFinal(), Patience);
        Assert.True(final.State == AgentState.Succeeded, $"the job ended {AgentProcess.Show(final)}\n{agent.Describe()}");
        return final;
    }

    /// <summary>The one <see cref="SentMetric"/> sample on the agent's /metrics.</summary>
    public static async Task<long> SentOnMetricsAsync(this AgentProcess agent)
    {
        var sample = Assert.Single((await agent.MetricsAsync()).Named(SentMetric));
        return (long)sample.Value;
    }
}
