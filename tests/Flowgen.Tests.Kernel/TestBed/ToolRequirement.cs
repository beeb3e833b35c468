namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Programs a test runs that the product does not need (prometheus, promtool): skip where they are
/// missing, fail in CI (<see cref="KernelRequirement.RequireVariable"/>=1), where they must be installed.
/// </summary>
public static class ToolRequirement
{
    /// <summary>The program's full path on PATH; skips or fails with how to install it when there is none.</summary>
    public static string Ensure(string program, string install)
    {
        if (Find(program) is { } path)
            return path;
        var message = $"{program} is not on PATH: {install}";
        if (Environment.GetEnvironmentVariable(KernelRequirement.RequireVariable) == "1")
            throw new InvalidOperationException($"{message} ({KernelRequirement.RequireVariable}=1 forbids skipping)");
        Skip.If(true, message);
        return program;
    }

    static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
