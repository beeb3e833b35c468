using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Whether a changed spec can reach a flow's agents in place: when every agent is Armed or
/// Running a paced UDP job that differs from the new spec's job only in its rate, the new rate
/// goes to them with POST /v1/rate instead of a restart.
/// </summary>
internal static class RateRetune
{
    /// <summary>The rate to send to every observed agent, or null when the change needs a restart.</summary>
    public static SendRate? For(TrafficFlow flow, IReadOnlyList<AgentObservation> observed)
    {
        if (flow.Spec.Mode != FlowMode.Udp || observed.Count == 0)
            return null;
        SendRate? rate = null;
        foreach (var agent in observed)
        {
            if (agent.Status is not { State: AgentState.Armed or AgentState.Running } status
                || RunningJob(status) is not { Rate: not null } running
                || NewJob(flow, agent.Slot) is not { Rate: { } wanted } job
                || !job.Equals(running with { Rate = wanted }))
                return null;
            rate = wanted;
        }
        return rate;
    }

    private static UdpJob? RunningJob(AgentStatus status)
    {
        string[] words = status.Job.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return words.Length > 0 && words[0] == UdpJob.Command ? UdpJob.Parse(words[1..]) : null;
        }
        catch (UsageException)
        {
            return null;
        }
    }

    private static UdpJob? NewJob(TrafficFlow flow, AgentSlot slot)
    {
        try
        {
            return flow.Spec.ToUdpJob(slot.Interface, slot.DstMac);
        }
        catch (UsageException)
        {
            return null;
        }
    }
}
