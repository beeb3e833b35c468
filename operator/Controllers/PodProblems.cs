using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>
/// Reads from a pod why its agent can't run: the scheduler couldn't place it, its image can't be
/// pulled, or the agent exited with an error before the operator read its status. The agent's
/// exit codes are flowgen's: 2 bad options, 3 the node can't do it (e.g. the interface is missing).
/// </summary>
internal static class PodProblems
{
    private static readonly HashSet<string> ImageFailures = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull"];

    public static string? Of(V1Pod pod)
    {
        V1PodCondition? scheduled = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        if (scheduled is { Status: "False", Reason: "Unschedulable" })
            return $"pod {pod.Metadata.Name} is unschedulable: {scheduled.Message}";

        foreach (V1ContainerStatus container in pod.Status?.ContainerStatuses ?? [])
        {
            if (container.State?.Waiting is { } waiting && ImageFailures.Contains(waiting.Reason))
                return $"pod {pod.Metadata.Name} can't pull its image {container.Image}: {waiting.Reason}: {waiting.Message}";
            if (container.State?.Terminated is { ExitCode: not 0 } exited)
                return $"the agent in pod {pod.Metadata.Name} exited with {exited.ExitCode} ({Meaning(exited.ExitCode)}): {exited.Message ?? exited.Reason}";
        }
        return pod.Status?.Phase == "Failed" ? $"pod {pod.Metadata.Name} failed: {pod.Status.Message ?? pod.Status.Reason}" : null;
    }

    private static string Meaning(int exitCode) => exitCode switch
    {
        1 => "the run failed",
        2 => "bad options",
        3 => "the node can't do it: interface missing or unable, kernel too old, or missing privileges",
        _ => "killed or crashed",
    };
}
