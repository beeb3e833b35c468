using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>Every TCP segment in and out of one test namespace (<see cref="PacketCapture{T}"/>).</summary>
public sealed class SegmentCapture : IDisposable
{
    readonly PacketCapture<CapturedSegment> _capture;

    SegmentCapture(PacketCapture<CapturedSegment> capture) => _capture = capture;

    public static SegmentCapture Open(string ns) => new(PacketCapture.Open(ns, CapturedSegment.Parse));

    /// <inheritdoc cref="PacketCapture{T}.Read"/>
    public IReadOnlyList<CapturedSegment> Read(Func<IReadOnlyList<CapturedSegment>, bool> done, TimeSpan limit) =>
        _capture.Read(done, limit);

    /// <inheritdoc cref="PacketCapture{T}.ReadFor"/>
    public IReadOnlyList<CapturedSegment> ReadFor(TimeSpan span) => _capture.ReadFor(span);

    public void Dispose() => _capture.Dispose();
}
