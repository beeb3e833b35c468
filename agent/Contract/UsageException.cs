namespace Flowgen.Contract;

/// <summary>
/// The command line (or a job built in code) asks for something the tool does not take.
/// The message is for the user as it stands; the CLI prints it and exits with code 2.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
