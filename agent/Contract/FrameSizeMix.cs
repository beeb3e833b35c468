using System.Globalization;
using System.Net.Sockets;

namespace Flowgen.Contract;

/// <summary>One size of a mix (on the wire, FCS included) and its weight: weight / total weight of the frames have it.</summary>
public sealed record WeightedFrameSize(int Size, int Weight);

/// <summary>
/// Frame sizes mixed per packet: <c>-s 64:7,594:4,1518:1</c> (SIZE:WEIGHT, a missing weight is 1)
/// or <c>-s imix</c>, the simple IMIX: 7:4:1 of 64, 594 and 1518 bytes on the wire.
/// A single fixed size is <see cref="UdpJob.FrameSize"/>, not a mix.
/// </summary>
public sealed record FrameSizeMix
{
    public const string ImixName = "imix";

    /// <summary>The most sizes one job mixes (FLOWGEN_SIZE_CLASSES in bpf/flowgen.h).</summary>
    public const int MaxSizes = 8;

    public const int MaxWeight = 1000;

    public static FrameSizeMix Imix { get; } = new([new(64, 7), new(594, 4), new(1518, 1)], isImix: true);

    private FrameSizeMix(IReadOnlyList<WeightedFrameSize> sizes, bool isImix)
    {
        Sizes = sizes;
        IsImix = isImix;
    }

    /// <summary>Ascending by size, each size once.</summary>
    public IReadOnlyList<WeightedFrameSize> Sizes { get; }

    public bool IsImix { get; }

    public int Smallest => Sizes[0].Size;

    public int Largest => Sizes[^1].Size;

    /// <summary>The weighted mean of <paramref name="sizes"/>: the mean frame of a long run.</summary>
    public static double Mean(IReadOnlyList<WeightedFrameSize> sizes) =>
        sizes.Sum(s => (double)s.Size * s.Weight) / sizes.Sum(s => s.Weight);

    /// <summary>
    /// The sizes for a family and an interface: IMIX's smallest raised to the family's smallest frame
    /// (66 for IPv6) and its largest lowered to <paramref name="largestWire"/>; a note says what changed.
    /// A list given by the user is taken as it is (it was checked against the family when parsed).
    /// </summary>
    public (IReadOnlyList<WeightedFrameSize> Sizes, IReadOnlyList<string> Notes) For(AddressFamily family, bool tagged, int largestWire)
    {
        if (!IsImix)
            return (Sizes, []);
        var notes = new List<string>();
        int smallest = FrameSizes.MinimumWireSize(family, tagged);
        var sizes = Sizes.Select(s => s with { Size = Math.Clamp(s.Size, smallest, largestWire) }).ToList();
        if (sizes[0].Size != Smallest)
            notes.Add($"imix: {Smallest}-byte frames are sent as {sizes[0].Size} bytes, the smallest this UDP frame can be");
        if (sizes[^1].Size != Largest)
            notes.Add($"imix: {Largest}-byte frames are sent as {sizes[^1].Size} bytes, the largest the interface's MTU allows");
        return (sizes, notes);
    }

    /// <summary>The canonical text: <c>imix</c>, or SIZE:WEIGHT pairs by ascending size.</summary>
    public override string ToString() =>
        IsImix ? ImixName : string.Join(',', Sizes.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Size}:{s.Weight}")));

    public bool Equals(FrameSizeMix? other) =>
        other is not null && IsImix == other.IsImix && Sizes.SequenceEqual(other.Sizes);

    public override int GetHashCode() => HashCode.Combine(IsImix, Sizes.Count, Largest);

    /// <summary>
    /// A mix from its text (possibly of one size, which the caller takes as a fixed size); null when
    /// the text is one plain number. <see cref="Check"/> applies the rules that span the sizes.
    /// </summary>
    /// <exception cref="UsageException">Malformed, or a size or weight out of range.</exception>
    public static FrameSizeMix? Parse(string text, string option)
    {
        if (string.Equals(text, ImixName, StringComparison.OrdinalIgnoreCase))
            return Imix;
        if (!text.Contains(',') && !text.Contains(':'))
            return null;
        return Of(text.Split(',').Select(part => ParsePart(part, option)));
    }

    /// <summary>A mix of these sizes, by ascending size (the operator builds them so).</summary>
    public static FrameSizeMix Of(IEnumerable<WeightedFrameSize> sizes) =>
        new([.. sizes.OrderBy(s => s.Size)], isImix: false);

    /// <summary>The rules a user's list keeps: 2 to <see cref="MaxSizes"/> sizes, each once, sizes and weights in range.</summary>
    /// <exception cref="UsageException">A rule is broken; the message names it.</exception>
    public void Check(AddressFamily family, bool tagged, string option)
    {
        if (IsImix)
            return;
        if (Sizes.Count is < 2 or > MaxSizes)
            throw new UsageException($"{option} {this} lists {Sizes.Count} sizes; a mix has 2 to {MaxSizes}");
        if (Sizes.Zip(Sizes.Skip(1)).FirstOrDefault(pair => pair.First.Size == pair.Second.Size) is ({ } twice, _))
            throw new UsageException($"{option} {this} lists size {twice.Size} twice; give each size once with its weight");
        int smallest = FrameSizes.MinimumWireSize(family, tagged);
        if (Sizes.FirstOrDefault(s => s.Size < smallest || s.Size > FrameSizes.MaxWireSize) is { } size)
            throw new UsageException(
                $"{option} {this}: size {size.Size} is outside {smallest} to {FrameSizes.MaxWireSize}, the frames UDP over "
                + $"{(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} can have");
        if (Sizes.FirstOrDefault(s => s.Weight is < 1 or > MaxWeight) is { } weight)
            throw new UsageException($"{option} {this}: weight {weight.Weight} of size {weight.Size} is outside 1 to {MaxWeight}");
    }

    private static WeightedFrameSize ParsePart(string part, string option)
    {
        string[] fields = part.Split(':');
        if (fields.Length > 2 || fields[0].Length == 0)
            throw new UsageException(
                $"invalid value '{part}' in {option}: expected SIZE or SIZE:WEIGHT, e.g. -s 64:7,594:4,1518:1, or -s imix");
        int size = ValueParsers.Integer(fields[0], option, FrameSizes.EthernetMinimumWire, FrameSizes.MaxWireSize);
        int weight = fields.Length == 2 ? ValueParsers.Integer(fields[1], option, 1, MaxWeight) : 1;
        return new WeightedFrameSize(size, weight);
    }
}
