using System.Globalization;

namespace Flowgen.Interop;

/// <summary>The capabilities Flowgen needs, read from the process's effective set.</summary>
internal static class Privileges
{
    private const string StatusPath = "/proc/self/status";
    private const string EffectiveField = "CapEff:";

    // Bit numbers from linux/capability.h.
    private const int NetAdmin = 12;
    private const int SysAdmin = 21;
    private const int Perfmon = 38;
    private const int Bpf = 39;

    private static readonly (int Bit, string Name)[] Needed =
    [
        (NetAdmin, "CAP_NET_ADMIN"), (SysAdmin, "CAP_SYS_ADMIN"), (Bpf, "CAP_BPF"), (Perfmon, "CAP_PERFMON"),
    ];

    /// <summary>The names among CAP_NET_ADMIN, CAP_SYS_ADMIN, CAP_BPF and CAP_PERFMON this process lacks.</summary>
    public static IReadOnlyList<string> MissingCapabilities() => Missing(Effective());

    /// <summary>
    /// Whether BPF programs can be loaded and run on interfaces: CAP_BPF with CAP_PERFMON (since
    /// 5.8), or CAP_SYS_ADMIN; either way with CAP_NET_ADMIN for the networking side.
    /// </summary>
    public static bool CanUseBpf => CanUseBpfWith(Effective());

    internal static IReadOnlyList<string> Missing(ulong effective) =>
        Needed.Where(cap => !Has(effective, cap.Bit)).Select(cap => cap.Name).ToList();

    internal static bool CanUseBpfWith(ulong effective) =>
        Has(effective, NetAdmin) && ((Has(effective, Bpf) && Has(effective, Perfmon)) || Has(effective, SysAdmin));

    /// <summary>The CapEff mask from the text of /proc/PID/status.</summary>
    internal static ulong ParseEffective(string status)
    {
        foreach (string line in status.Split('\n'))
        {
            if (!line.StartsWith(EffectiveField, StringComparison.Ordinal))
                continue;
            string hex = line[EffectiveField.Length..].Trim();
            return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong mask)
                ? mask
                : throw new FormatException($"unreadable {EffectiveField} value '{hex}' in {StatusPath}");
        }
        throw new FormatException($"no {EffectiveField} line in {StatusPath}");
    }

    private static ulong Effective() => ParseEffective(File.ReadAllText(StatusPath));

    private static bool Has(ulong effective, int bit) => (effective & (1UL << bit)) != 0;
}
