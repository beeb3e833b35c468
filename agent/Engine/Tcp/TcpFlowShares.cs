using Flowgen.Contract;

namespace Flowgen.Engine.Tcp;

/// <summary>How a TCP job's limit is split over its flows.</summary>
internal static class TcpFlowShares
{
    /// <summary>
    /// Flow <paramref name="index"/>'s share of the job's data segments of <paramref name="recordSize"/>
    /// bytes (--bytes rounded up to whole segments; the first flows take one more when it doesn't
    /// divide); null: no segment or byte limit.
    /// </summary>
    public static long? Segments(TcpJob job, int index, int recordSize)
    {
        long? total = job.Segments ?? (job.Bytes is { } bytes ? (bytes + recordSize - 1) / recordSize : null);
        return total is { } n ? n / job.Flows + (index < n % job.Flows ? 1 : 0) : null;
    }
}
