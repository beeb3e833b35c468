using System.Diagnostics;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// The one place test code starts processes. Arguments always go through
/// <see cref="ProcessStartInfo.ArgumentList"/>, never through a joined string.
/// </summary>
public static class Command
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs to completion; on timeout kills the process tree and throws <see cref="TimeoutException"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var startInfo = CreateStartInfo(file, args);
        var commandLine = Describe(startInfo);
        var limit = timeout ?? DefaultTimeout;
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start `{commandLine}`");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{commandLine}` did not finish within {limit.TotalSeconds:0.#} s; stdout: {await stdout} stderr: {await stderr}");
        }
        return new ProcessResult(commandLine, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Like <see cref="RunAsync"/>, but throws <see cref="CommandFailedException"/> on a non-zero exit code.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null) =>
        (await RunAsync(file, args, timeout)).EnsureSuccess();

    /// <summary>Start info with redirected stdout and stderr, for callers that must stream a long-running process.</summary>
    public static ProcessStartInfo CreateStartInfo(string file, IEnumerable<string> args)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);
        return startInfo;
    }

    /// <summary>The command line as a shell user would type it, for messages only.</summary>
    public static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName).Select(Quote));

    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '`')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
