namespace Flowgen.Packets;

/// <summary>A frame that cannot be built as asked; the message names the problem and the fix.</summary>
internal sealed class FrameSpecException : Exception
{
    public FrameSpecException()
    {
    }

    public FrameSpecException(string message)
        : base(message)
    {
    }

    public FrameSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
