namespace Flowgen.Engine;

/// <summary>Which frames the wire may drop (enum wire_lose in bpf/flowgen.h).</summary>
internal enum WireLoss
{
    /// <summary>IPv4 and IPv6, except neighbour discovery; ARP and other non-IP frames pass.</summary>
    Ip = 0,

    /// <summary>Only UDP and TCP over IPv4 and IPv6.</summary>
    UdpTcp = 1,

    /// <summary>Any frame, ARP and neighbour discovery included.</summary>
    All = 2,
}

/// <summary>How the wire treats each direction: drop probabilities in parts per million, and what may be dropped.</summary>
internal readonly record struct WireSettings(uint DropPpmAToB, uint DropPpmBToA, WireLoss Loss)
{
    /// <summary>One million parts: a probability of 1.</summary>
    public const uint PartsPerMillion = 1_000_000;

    internal WireConfig ToConfig(int ifindexA, int ifindexB) => new()
    {
        IfindexA = (uint)ifindexA,
        IfindexB = (uint)ifindexB,
        DropPpmAToB = DropPpmAToB,
        DropPpmBToA = DropPpmBToA,
        Lose = (uint)Loss,
    };
}
