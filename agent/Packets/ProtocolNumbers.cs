namespace Flowgen.Packets;

/// <summary>EtherType values (IEEE 802 numbers registry).</summary>
internal static class EtherType
{
    public const ushort Ipv4 = 0x0800;
    public const ushort Ipv6 = 0x86DD;

    /// <summary>IEEE 802.1Q: a VLAN tag follows.</summary>
    public const ushort Vlan = 0x8100;
}

/// <summary>IP protocol / IPv6 next-header numbers (IANA).</summary>
internal static class IpProtocol
{
    public const byte Tcp = 6;
    public const byte Udp = 17;
}
