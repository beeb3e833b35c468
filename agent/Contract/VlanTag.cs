using System.Globalization;

namespace Flowgen.Contract;

/// <summary>An IEEE 802.1Q tag: VLAN ID 1 to 4094 and priority (PCP) 0 to 7; written <c>ID</c> or <c>ID:PRIO</c>.</summary>
public sealed record VlanTag(int Id, int Priority = 0)
{
    public const int MaxId = 4094;
    public const int MaxPriority = 7;

    /// <summary>The tag control information: priority in the top 3 bits, DEI 0, the VLAN ID in the low 12.</summary>
    public ushort ControlInformation => (ushort)(Priority << 13 | Id);

    public static VlanTag Parse(string text, string option)
    {
        string[] fields = text.Split(':');
        if (fields.Length > 2)
            throw new UsageException($"invalid value '{text}' for {option}: expected ID or ID:PRIO, e.g. 100 or 100:5");
        return new VlanTag(
            ValueParsers.Integer(fields[0], option, 1, MaxId),
            fields.Length == 2 ? ValueParsers.Integer(fields[1], option, 0, MaxPriority) : 0);
    }

    /// <exception cref="UsageException">The ID or the priority is out of range (a tag built in code).</exception>
    public void Check(string option)
    {
        if (Id is < 1 or > MaxId || Priority is < 0 or > MaxPriority)
            throw new UsageException($"{option} {this}: the VLAN ID must be 1 to {MaxId} and the priority 0 to {MaxPriority}");
    }

    public override string ToString() =>
        Priority == 0 ? Id.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Id}:{Priority}");
}
