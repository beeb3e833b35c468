namespace Flowgen.Tests.Kernel.TestBed;

public sealed record VethTestBedOptions
{
    /// <summary>
    /// GRO on the sink's veth. A veth is a live-frames target only when its peer has native XDP
    /// or GRO; without either, every frame redirected into the generator's veth is lost silently.
    /// </summary>
    public bool SinkGro { get; init; } = true;

    /// <summary>GRO on the generator's veth (makes the sink's veth a target for traffic the other way).</summary>
    public bool GeneratorGro { get; init; }

    /// <summary>Permanent neighbour entries both ways, so no ARP or neighbour discovery happens.</summary>
    public bool StaticNeighbours { get; init; }

    /// <summary>
    /// Part of the namespace names: two beds open at once need different variants. The interface
    /// names and addresses are the same in every variant, since each bed has its own namespaces.
    /// </summary>
    public int Variant { get; init; }
}
