using System.Diagnostics;

namespace Flowgen.Cli.Demo;

/// <summary>Runs a host tool (ip, ethtool) and fails with its stderr when it fails.</summary>
internal static class HostCommand
{
    public static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)
            ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {string.Join(' ', args)}' failed: {stderr.Trim()}");
        return stdout.Result;
    }

    /// <summary>Like <see cref="Run"/>, but a failure is only reported, for cleanup paths.</summary>
    public static void TryRun(string file, params string[] args)
    {
        try
        {
            Run(file, args);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"flowgen demo: cleanup: {e.Message}");
        }
    }
}
