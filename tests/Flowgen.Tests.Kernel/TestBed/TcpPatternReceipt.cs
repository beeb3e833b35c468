using System.Net;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>How a received stream ended.</summary>
public enum TcpStreamEnd
{
    /// <summary>read() returned 0: the sender closed normally (FIN).</summary>
    Closed,

    /// <summary>read() failed: the connection was reset (or another socket error).</summary>
    Reset,

    /// <summary>The receiver closed after the bytes it was told to read (the mid-stream close).</summary>
    ClosedByReceiver,

    /// <summary>Neither before the receiver's deadline.</summary>
    TimedOut,
}

/// <summary>What one accepted connection delivered, and whether it matched the expected stream.</summary>
/// <param name="Peer">The sender's address and port.</param>
/// <param name="BytesReceived">Every byte read, in order.</param>
/// <param name="FirstMismatchOffset">The first stream offset that differed from the expected bytes; null when all matched.</param>
/// <param name="RecordSize">R as given or inferred by the pattern check; null for other checks or when the stream never showed it.</param>
/// <param name="End">How the stream ended.</param>
/// <param name="Error">The socket error of a <see cref="TcpStreamEnd.Reset"/>, else null.</param>
/// <param name="Connected">From accept to the end of the stream.</param>
/// <param name="Transfer">From the first byte read to the last; zero when nothing arrived.</param>
public sealed record TcpPatternReceipt(
    IPEndPoint Peer,
    long BytesReceived,
    long? FirstMismatchOffset,
    int? RecordSize,
    TcpStreamEnd End,
    string? Error,
    TimeSpan Connected,
    TimeSpan Transfer)
{
    /// <summary>Goodput over <see cref="Transfer"/>, in bits per second.</summary>
    public double BitsPerSecond => Transfer > TimeSpan.Zero ? BytesReceived * 8 / Transfer.TotalSeconds : 0;

    public override string ToString() =>
        $"{Peer}: {BytesReceived} bytes, {End}{(Error is null ? "" : $" ({Error})")}, "
        + (FirstMismatchOffset is { } at ? $"first wrong byte at offset {at}" : "all bytes as expected")
        + (RecordSize is { } r ? $", record {r} bytes" : "") + $", {Transfer.TotalSeconds:0.###} s";
}
