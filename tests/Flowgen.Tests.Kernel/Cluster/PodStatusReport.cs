using System.Net;
using k8s.Models;

namespace Flowgen.Tests.Kernel.Cluster;

/// <summary>
/// The status a kubelet writes for a pod it runs (merge patches of <c>pods/status</c>): Running with the
/// node's address as host and pod IP (host network) and the container running; then Succeeded or
/// Failed with the container's exit code. The kubelet runs no probes, so the container is never Ready.
/// </summary>
public static class PodStatusReport
{
    public static V1Patch Running(KubeletPod run, IPAddress nodeAddress)
    {
        var ip = nodeAddress.ToString();
        return Patch(new V1PodStatus
        {
            Phase = "Running",
            HostIP = ip,
            HostIPs = [new V1HostIP { Ip = ip }],
            PodIP = ip,
            PodIPs = [new V1PodIP { Ip = ip }],
            StartTime = run.StartedAt,
            Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = run.StartedAt }],
            ContainerStatuses = [Container(run, started: true, new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = run.StartedAt } })],
        });
    }

    public static V1Patch Terminated(KubeletPod run, int exitCode) => Patch(new V1PodStatus
    {
        Phase = exitCode == 0 ? "Succeeded" : "Failed",
        ContainerStatuses =
        [
            Container(run, started: false, new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated
                {
                    ExitCode = exitCode,
                    Reason = exitCode == 0 ? "Completed" : "Error",
                    StartedAt = run.StartedAt,
                    FinishedAt = run.FinishedAt,
                },
            }),
        ],
    });

    /// <summary>Failed before it ran, with the reason (what a kubelet does with a pod it cannot admit).</summary>
    public static V1Patch Refused(string message) => Patch(new V1PodStatus { Phase = "Failed", Reason = "UnexpectedAdmissionError", Message = message });

    static V1ContainerStatus Container(KubeletPod run, bool started, V1ContainerState state) => new()
    {
        Name = run.Container.Name,
        Image = run.Container.Image,
        ImageID = "",
        Ready = false,
        RestartCount = 0,
        Started = started,
        State = state,
    };

    static V1Patch Patch(V1PodStatus status) => new(new V1Pod { Status = status }, V1Patch.PatchType.MergePatch);
}
