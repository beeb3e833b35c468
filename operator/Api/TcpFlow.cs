using System.ComponentModel;
using Flowgen.Contract;
using Flowgen.Operator.Api.Schema;

namespace Flowgen.Operator.Api;

/// <summary>The <c>flowgen tcp</c> options a flow sets once for all of its agents.</summary>
public sealed class TcpFlow
{
    [Required, Pattern(Patterns.Ipv4, Patterns.Ipv6), Description("The receiver's IPv4 or IPv6 address; something must listen there.")]
    public string DstAddress { get; set; } = "";

    [Default, Range(1, ushort.MaxValue), Description("The receiver's TCP port.")]
    public int DstPort { get; set; } = TcpJob.DefaultPort;

    [Default, Range(1, TcpJob.MaxFlows), Description("Connections per agent, one flow each.")]
    public int Flows { get; set; } = TcpJob.DefaultFlows;

    [Pattern(Patterns.Duration), Description("How long the kernel's handshake may take, e.g. 3s. Default: 3s.")]
    public string? ConnectTimeout { get; set; }

    [Default, Range(1, TcpJob.MaxBatchSize), Description("Frames per kernel batch.")]
    public int BatchSize { get; set; } = TcpJob.DefaultBatchSize;
}
