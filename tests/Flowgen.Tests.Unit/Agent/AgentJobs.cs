using System.Net;
using Flowgen.Contract;
using Flowgen.Control;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flowgen.Tests.Unit.Agent;

/// <summary>Test shorthand: agent jobs armed with a <see cref="FakeArmedJob"/>, or failing to arm.</summary>
internal static class AgentJobs
{
    public static readonly UdpJob Job = new() { Interface = "veth-gen", Destination = IPAddress.Parse("198.18.0.2"), Packets = 1000 };

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static AgentLog Log => new(NullLogger.Instance, "flow-a", Job);

    /// <summary>A job that arms at once with <paramref name="armed"/>.</summary>
    public static async Task<AgentJob> ArmedAsync(FakeArmedJob armed)
    {
        var job = new AgentJob(_ => Task.FromResult<IArmedJob>(armed), Log);
        await job.PrepareAsync();
        Assert.Equal(AgentState.Armed, job.State);
        return job;
    }

    public static AgentJob FailingWith(Exception failure) => new(_ => Task.FromException<IArmedJob>(failure), Log);
}
