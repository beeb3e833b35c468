namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>How a finished process ended and what it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Returns this result, or throws <see cref="CommandFailedException"/> on a non-zero exit code.</summary>
    public ProcessResult EnsureSuccess() => ExitCode == 0 ? this : throw new CommandFailedException(this);
}
