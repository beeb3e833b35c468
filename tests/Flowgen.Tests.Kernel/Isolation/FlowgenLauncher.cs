using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>
/// Runs flowgen in ways <see cref="FlowgenProcess"/> has no option for: with extra environment
/// variables, or as an unprivileged user.
/// </summary>
public static class FlowgenLauncher
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The same host and assembly FlowgenProcess uses.
    static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "flowgen.dll");

    static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Runs <c>env NAME=VALUE… dotnet flowgen.dll ARGS</c> in <paramref name="ns"/> to completion.</summary>
    public static Task<ProcessResult> RunWithEnvironmentAsync(string ns, IReadOnlyList<string> assignments, params string[] args) =>
        RunAsync(ChildProcess.Start(ns, "env", [.. assignments, DotnetHost, Dll, .. args]));

    /// <summary>
    /// Runs flowgen in <paramref name="ns"/> as nobody, with no capabilities at all, to completion. The
    /// build output may sit below a directory nobody can enter, so flowgen runs from a world-readable copy.
    /// </summary>
    public static async Task<ProcessResult> RunUnprivilegedAsync(string ns, params string[] args)
    {
        var copy = ReadableCopyOfBuildOutput();
        try
        {
            return await RunAsync(ChildProcess.Start(ns, "setpriv",
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "env", "HOME=/tmp", "DOTNET_CLI_TELEMETRY_OPTOUT=1", DotnetHost, Path.Combine(copy.FullName, "flowgen.dll"),
                .. args,
            ]));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    static async Task<ProcessResult> RunAsync(ChildProcess started)
    {
        await using var child = started;
        var exitCode = await child.WaitForExitAsync(Patience);
        return new ProcessResult(child.CommandLine, exitCode, child.Stdout, child.Stderr);
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
