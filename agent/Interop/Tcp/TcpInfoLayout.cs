using System.Buffers.Binary;

namespace Flowgen.Interop.Tcp;

/// <summary>
/// Offsets in struct tcp_info, as /usr/include/linux/tcp.h lays it out (checked with offsetof on
/// Linux 6.18 x86-64). The kernel copies min(optlen, its sizeof), so a newer kernel's extra fields
/// do no harm; an older one than 6.2 (no tcpi_snd_wnd) returns too few bytes.
/// </summary>
internal static class TcpInfoLayout
{
    /// <summary>Through tcpi_snd_wnd, the last field read.</summary>
    public const int Size = 232;

    public const int State = 0;
    public const int Options = 5;

    /// <summary>tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4 — bit-fields, low nibble first (GCC on little-endian).</summary>
    public const int WindowScales = 6;

    public const int SendMss = 16;
    public const int BytesAcked = 120;
    public const int BytesReceived = 128;
    public const int SendWindow = 228;

    /// <summary>tcpi_options bits: TCPI_OPT_TIMESTAMPS, TCPI_OPT_SACK, TCPI_OPT_WSCALE.</summary>
    public const byte OptionTimestamps = 1;

    public const byte OptionSack = 2;
    public const byte OptionWindowScale = 4;

    /// <summary>TCP_ESTABLISHED in tcpi_state.</summary>
    public const byte Established = 1;

    public static TcpNegotiation Negotiation(ReadOnlySpan<byte> info)
    {
        if (info.Length < Size)
        {
            throw new InvalidOperationException(
                $"TCP_INFO returned {info.Length} bytes, fewer than the {Size} read (tcpi_snd_wnd needs Linux 6.2 or newer)");
        }

        var options = info[Options];
        return new TcpNegotiation(
            SendMss: (int)BinaryPrimitives.ReadUInt32LittleEndian(info[SendMss..]),
            SendWindowScale: info[WindowScales] & 0x0F,
            ReceiveWindowScale: info[WindowScales] >> 4,
            Sack: (options & OptionSack) != 0,
            Timestamps: (options & OptionTimestamps) != 0,
            WindowScaling: (options & OptionWindowScale) != 0,
            PeerWindow: BinaryPrimitives.ReadUInt32LittleEndian(info[SendWindow..]));
    }
}
