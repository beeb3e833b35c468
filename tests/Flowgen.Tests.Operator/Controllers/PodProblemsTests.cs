using Flowgen.Operator.Controllers;
using k8s.Models;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class PodProblemsTests
{
    private static V1Pod Pod(V1ContainerState state, string phase = "Pending") => new()
    {
        Metadata = new V1ObjectMeta { Name = "agent-1" },
        Status = new V1PodStatus { Phase = phase, ContainerStatuses = [new V1ContainerStatus { Name = "agent", Image = "img:1", State = state }] },
    };

    [Fact]
    public void A_running_pod_has_no_problem() =>
        Assert.Null(PodProblems.Of(Pod(new V1ContainerState { Running = new V1ContainerStateRunning() }, "Running")));

    [Fact]
    public void An_image_that_cannot_be_pulled_is_named() =>
        Assert.Contains("can't pull its image img:1: ImagePullBackOff",
            PodProblems.Of(Pod(new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ImagePullBackOff", Message = "not found" } })),
            StringComparison.Ordinal);

    [Fact]
    public void An_agent_that_exited_3_points_at_the_node() =>
        Assert.Contains("exited with 3 (the node can't do it",
            PodProblems.Of(Pod(new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 3, Message = "interface 'ens9' does not exist" } }, "Failed")),
            StringComparison.Ordinal);

    [Fact]
    public void An_agent_that_exited_0_is_not_a_problem() =>
        Assert.Null(PodProblems.Of(Pod(new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0 } }, "Succeeded")));
}
