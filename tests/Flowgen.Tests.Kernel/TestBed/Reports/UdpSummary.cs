using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed.Reports;

/// <summary>The last line of <c>flowgen udp --json</c>.</summary>
public sealed record UdpSummary(
    string Result,
    string? Reason,
    long Sent,
    long Dropped,
    long Errors,
    long Attempted,
    IReadOnlyDictionary<string, long> ErrorsByReason,
    double Seconds,
    long Paced)
{
    /// <summary>The summary line; throws unless there is exactly one and every count in it is a JSON number.</summary>
    public static UdpSummary Parse(IReadOnlyList<string> stdout, string describe)
    {
        var json = JsonEvent.Single(stdout, "summary", describe);
        return new UdpSummary(
            json.Text("result"),
            json.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
            json.Integer("sent"),
            json.Integer("dropped"),
            json.Integer("errors"),
            json.Integer("attempted"),
            json.GetProperty("errorsByReason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
            json.Number("seconds"),
            json.Integer("paced"));
    }

    /// <summary>Every frame the program handled was either sent, dropped by the driver, or failed.</summary>
    public bool AddsUp => Attempted == Sent + Dropped + Errors;
}
