namespace Flowgen;

/// <summary>What `flowgen --version` prints and the agent's build-info metric carries.</summary>
internal static class BuildInfo
{
    public static string Version { get; } = typeof(BuildInfo).Assembly.GetName().Version?.ToString() ?? "unknown";
}
