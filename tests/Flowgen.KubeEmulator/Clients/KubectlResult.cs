namespace Flowgen.KubeEmulator.Clients;

/// <summary>How one kubectl run ended.</summary>
public sealed record KubectlResult(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard output split into lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() =>
        $"kubectl {string.Join(' ', Arguments)} exited with {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>kubectl exited with a code other than the one expected, or ran past its time.</summary>
public sealed class KubectlException(string message) : Exception(message);
