namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>A command exited with a non-zero code; the message has its command line and stderr.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(ProcessResult result)
        : base($"`{result.CommandLine}` exited with {result.ExitCode}: {Describe(result)}") => Result = result;

    public ProcessResult Result { get; }

    static string Describe(ProcessResult result) =>
        result.Stderr.Trim() is { Length: > 0 } stderr ? stderr : $"(no stderr) stdout: {result.Stdout.Trim()}";
}
