using System.ComponentModel;
using System.Diagnostics;

namespace Flowgen.Tests.Operator.Monitoring;

/// <summary>Runs Debian's promtool (installed by scripts/setup.sh) and captures what it prints.</summary>
internal static class Promtool
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("promtool")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("promtool not found: install prometheus (scripts/setup.sh)", e);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout + await stderr);
        }
    }
}
