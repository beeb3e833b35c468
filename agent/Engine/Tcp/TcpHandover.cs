using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Interop;
using Flowgen.Interop.Tcp;
using Flowgen.Packets;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// Takes one connection over: binds the kernel socket (its 4-tuple is then known), adds the flow
/// to the map in the handshake phase, lets the kernel connect, reads what was negotiated,
/// freezes the socket (TCP_REPAIR) and hands the flow to the XDP side in the running phase.
/// </summary>
internal static class TcpHandover
{
    public static readonly TimeSpan NeighbourTimeout = TimeSpan.FromSeconds(3);

    private static readonly ulong RtoInitialNs = (ulong)TimeSpan.FromMilliseconds(200).Ticks * 100;
    private static readonly ulong RtoMaxNs = (ulong)TimeSpan.FromSeconds(10).Ticks * 100;

    /// <summary>Initial congestion window in segments (RFC 6928).</summary>
    private const uint InitialCwnd = 10;

    /// <summary>The receive window we advertise: the peer sends us nothing but its FIN.</summary>
    private const int AdvertisedWindow = 64 * 1024;

    /// <param name="segments">The flow's share of the job's data segments; null: no end.</param>
    /// <exception cref="TcpConnectException">The connection was refused, timed out or is unreachable.</exception>
    public static async Task<TakenOverFlow> TakeOverAsync(
        TcpProgram program, PreparedTcpJob job, int index, Func<int, long?> segments, CancellationToken ct)
    {
        var connection = KernelTcpConnection.Bind(job.Source, job.Interface.Index);
        TcpFlowKey key = TcpFlowKeys.From(connection.LocalEndPoint, job.Remote);
        bool added = false;
        try
        {
            program.AddHandshake(key);
            added = true;
            connection.Connect(job.Remote, job.Job.ConnectTimeout);
            TcpNegotiation negotiation = connection.Negotiated();
            TcpTakeover takeover = connection.Freeze();
            ulong frozenAt = MonotonicClock.Nanoseconds();

            PhysicalAddress destinationMac = await ResolveMacAsync(job, ct);
            var spec = new TcpSegmentSpec(job.Interface.Mac, destinationMac, connection.LocalEndPoint.Address, job.Job.Destination,
                (ushort)connection.LocalEndPoint.Port, job.Job.Port, negotiation.Timestamps, WindowField(negotiation));
            int recordSize = Math.Min(negotiation.SendMss, TcpSegmentBuilder.MaximumPayload(spec, job.Interface.Mtu));
            TcpSegment template;
            if (job.Payload is { } payload)
            {
                program.UsePayload(payload);
                template = TcpSegmentBuilder.FileTemplate(spec, recordSize);
            }
            else
            {
                template = TcpSegmentBuilder.DataTemplate(spec, recordSize);
            }
            ulong end = segments(recordSize) is { } n ? (ulong)n * (ulong)recordSize : ulong.MaxValue;

            TcpFlowValue value = program.Read(key);
            value.Iss = takeover.SendNext;
            value.Mss = (uint)recordSize;
            value.SendWindowScale = (uint)negotiation.SendWindowScale;
            value.TimestampsEnabled = negotiation.Timestamps ? 1u : 0u;
            // TimestampNow may trail the last TSval the kernel sent by a tick: never go back.
            value.TsBase = takeover.TimestampNow + 1;
            value.TsBaseNs = frozenAt;
            value.TemplateCheck = template.Checksum;
            value.End = end;
            value.RtoInitialNs = RtoInitialNs;
            value.RtoMaxNs = RtoMaxNs;
            value.RtoNs = RtoInitialNs;
            value.ReceiveNext = takeover.ReceiveNext;
            value.Cwnd = InitialCwnd;
            value.Ssthresh = uint.MaxValue;
            value.PeerWindow = negotiation.PeerWindow;
            value.PeerWindowRaw = negotiation.PeerWindow >> negotiation.SendWindowScale;
            value.State = (uint)TcpFlowPhase.Running;
            program.Write(key, value);
            return new TakenOverFlow(index, connection, key, spec, template, negotiation, takeover.SendNext, end);
        }
        catch
        {
            if (added)
                program.Remove(key);
            connection.Dispose();
            throw;
        }
    }

    private static ushort WindowField(TcpNegotiation negotiation)
    {
        int shift = negotiation.WindowScaling ? negotiation.ReceiveWindowScale : 0;
        return (ushort)Math.Clamp(AdvertisedWindow >> shift, 1, ushort.MaxValue);
    }

    // connect() resolved it: the neighbour table has the entry now.
    private static async Task<PhysicalAddress> ResolveMacAsync(PreparedTcpJob job, CancellationToken ct)
    {
        try
        {
            return await Neighbours.ResolveAsync(job.Interface.Index, job.Job.Destination, NeighbourTimeout, ct);
        }
        catch (NeighbourResolutionException e)
        {
            throw new EnvironmentException(e.Message);
        }
    }
}
