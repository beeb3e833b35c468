using System.Diagnostics;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Prometheus' <c>promtool</c>, the reference linter for metric names, types and help texts.</summary>
public static class Promtool
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>promtool check metrics</c> with <paramref name="exposition"/> on stdin: exit code 0 and no
    /// output mean no problem. Skips or fails (in CI) when promtool is not installed.
    /// </summary>
    public static async Task<ProcessResult> CheckMetricsAsync(string exposition)
    {
        var executable = ToolRequirement.Ensure("promtool", "install prometheus (scripts/setup.sh)");
        var startInfo = Command.CreateStartInfo(executable, ["check", "metrics"]);
        startInfo.RedirectStandardInput = true;
        var commandLine = Command.Describe(startInfo);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start `{commandLine}`");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Limit);
        try
        {
            await process.StandardInput.WriteAsync(exposition.AsMemory(), deadline.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Command.KillTree(process);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`{commandLine}` did not finish within {Limit.TotalSeconds} s");
        }
        return new ProcessResult(commandLine, process.ExitCode, await stdout, await stderr);
    }
}
