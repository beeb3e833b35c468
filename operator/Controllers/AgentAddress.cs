using System.Globalization;
using Flowgen.Operator.Agents;
using k8s.Models;

namespace Flowgen.Operator.Controllers;

/// <summary>Where an agent pod's control API answers: its (host network) IP and the port the operator gave it.</summary>
internal static class AgentAddress
{
    /// <summary>http://{podIP}:{control port}/, or null until the pod has an IP.</summary>
    public static Uri? Of(V1Pod pod)
    {
        if (pod.Status?.PodIP is not { Length: > 0 } ip || PortOf(pod) is not { } port)
            return null;
        string host = ip.Contains(':') ? $"[{ip}]" : ip;
        return new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public static int? PortOf(V1Pod pod) =>
        pod.Metadata.Annotations?.TryGetValue(AgentPodLabels.ControlPort, out string? text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            ? port
            : null;
}
