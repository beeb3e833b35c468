using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>Flowgen run as nobody, with no capabilities at all: what <see cref="FlowgenProcess"/> can't do.</summary>
public static class UnprivilegedFlowgen
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs flowgen in <paramref name="ns"/> to completion. The build output may sit below a directory
    /// nobody can enter, so flowgen runs from a world-readable copy.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(string ns, params string[] args)
    {
        var copy = ReadableCopyOfBuildOutput();
        try
        {
            await using var flowgen = ChildProcess.Start(ns, "setpriv",
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1", .. FlowgenProcess.CommandFrom(copy.FullName), .. args,
            ]);
            return await flowgen.WaitForResultAsync(Patience);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    // The top-level files of the test output: flowgen.dll, its deps, runtimeconfig and Flowgen.Contract.dll among them.
    static DirectoryInfo ReadableCopyOfBuildOutput()
    {
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode enterable = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("kernel tests run on Linux only");
        var copy = Directory.CreateTempSubdirectory("flowgen-nobody-");
        try
        {
            File.SetUnixFileMode(copy.FullName, enterable);
            foreach (var file in Directory.GetFiles(AppContext.BaseDirectory))
            {
                var target = Path.Combine(copy.FullName, Path.GetFileName(file));
                File.Copy(file, target);
                File.SetUnixFileMode(target, readable);
            }
            return copy;
        }
        catch
        {
            copy.Delete(recursive: true);
            throw;
        }
    }
}
