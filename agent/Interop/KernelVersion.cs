using System.Globalization;
using System.Text.RegularExpressions;

namespace Flowgen.Interop;

/// <summary>The running kernel's major.minor version, for feature checks.</summary>
internal readonly partial record struct KernelVersion(int Major, int Minor) : IComparable<KernelVersion>
{
    private const string ReleasePath = "/proc/sys/kernel/osrelease"; // what `uname -r` prints

    public static KernelVersion Current() => Parse(File.ReadAllText(ReleasePath));

    /// <summary>Reads "6.18.44-fc-v595", "5.15.0-91-generic", "6.1" and the like.</summary>
    public static KernelVersion Parse(string release)
    {
        Match match = ReleasePattern().Match(release.Trim());
        return match.Success
            ? new KernelVersion(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : throw new FormatException($"unreadable kernel release '{release.Trim()}' (expected MAJOR.MINOR…)");
    }

    public bool IsAtLeast(int major, int minor) => CompareTo(new KernelVersion(major, minor)) >= 0;

    public int CompareTo(KernelVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KernelVersion left, KernelVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(KernelVersion left, KernelVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(KernelVersion left, KernelVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(KernelVersion left, KernelVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}";

    [GeneratedRegex(@"^(\d{1,4})\.(\d{1,4})(?:[.\-+_~]|$)")]
    private static partial Regex ReleasePattern();
}
