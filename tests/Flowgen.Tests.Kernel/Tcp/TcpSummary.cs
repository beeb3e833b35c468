using System.Text.Json;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>The last line of <c>flowgen tcp --json</c>.</summary>
public sealed record TcpSummary(
    string Result, string? Reason, long SegmentsSent, long SegmentsResent, long BytesAcknowledged, long FastRetransmits, long Timeouts,
    int RecordSize, double Seconds, double GoodputMbitPerSecond, bool CleanClose)
{
    public static TcpSummary Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "summary", describe);
        return new TcpSummary(
            json.Text("result"),
            json.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
            json.Integer("segmentsSent"), json.Integer("segmentsResent"), json.Integer("bytesAcknowledged"),
            json.Integer("fastRetransmits"), json.Integer("timeouts"), (int)json.Integer("recordSize"),
            json.Number("seconds"), json.Number("goodputMbitPerSecond"), json.GetProperty("cleanClose").GetBoolean());
    }

    /// <summary>Retransmissions among all data segments handed to the driver.</summary>
    public double ResentShare => SegmentsSent + SegmentsResent == 0 ? 0 : (double)SegmentsResent / (SegmentsSent + SegmentsResent);
}
