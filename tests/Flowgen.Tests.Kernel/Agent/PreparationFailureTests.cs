using System.Net;
using Flowgen.Contract;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Agent;

/// <summary>A job that cannot be prepared is reported on the API, not just logged.</summary>
public sealed class PreparationFailureTests
{
    const string MissingInterface = "nosuchif0";

    [SkippableFact]
    public async Task An_agent_whose_job_names_a_missing_interface_reports_failed_with_a_reason()
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var agent = await AgentProcess.StartAsync(bed.GeneratorNamespace,
                ["udp", "-a", bed.SinkIPv4.ToString(), "-n", "10", MissingInterface]);

            var final = await agent.WaitForStateAsync(s => s.State.IsFinal(), BedAgent.Patience);
            var ready = await agent.ReadyAsync();
            var alive = (await agent.SendAsync(HttpMethod.Get, "healthz", authorization: null)).Status;

            Assert.True(final.State == AgentState.Failed && final.Reason?.Contains(MissingInterface, StringComparison.Ordinal) == true,
                $"{AgentProcess.Show(final)}\n{agent.Describe()}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
            // Alive, so that a kubelet does not restart it and lose the reason.
            Assert.Equal(HttpStatusCode.OK, alive);
            Assert.Equal(MissingInterface, final.Interface);
            Assert.Equal(0, final.Totals.Attempted);
        });
    }
}
