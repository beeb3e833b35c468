namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>How a finished process ended and what it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Returns this result, or throws <see cref="CommandFailedException"/> on a non-zero exit code.</summary>
    public ProcessResult EnsureSuccess() => ExitCode == 0 ? this : throw new CommandFailedException(this);

    /// <summary>The command line, exit code and all output, for failure messages.</summary>
    public string Describe() => $"`{CommandLine}` exited with {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
