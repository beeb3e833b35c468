namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// One scrape target of <see cref="PrometheusServer"/>: http://127.0.0.1:<paramref name="Port"/>/metrics in its
/// namespace, as job <paramref name="Job"/>, with <paramref name="Labels"/> added to every series — what a
/// PodMonitor's relabelings add (namespace, pod, node, container).
/// </summary>
public sealed record PrometheusTarget(string Job, int Port, IReadOnlyDictionary<string, string> Labels)
{
    public PrometheusTarget(string job, int port)
        : this(job, port, new Dictionary<string, string>())
    {
    }
}
