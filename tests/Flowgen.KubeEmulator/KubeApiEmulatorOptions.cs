namespace Flowgen.KubeEmulator;

public sealed record KubeApiEmulatorOptions
{
    /// <summary>Past events kept per resource for watches that resume from a resourceVersion; older resumes get 410.</summary>
    public int WatchHistorySize { get; init; } = 1000;

    /// <summary>How often a watch with <c>allowWatchBookmarks=true</c> receives a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a watch without <c>timeoutSeconds</c> stays open (the real server picks 30–60 minutes).</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Namespaces that exist from the start, as on a fresh cluster.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];
}
