namespace Flowgen.Operator.Api;

/// <summary>
/// Regular expressions of the schema. They must mean the same in Go's RE2 (the API server) and
/// .NET (the emulator, tests): anchors, groups, classes and counted repeats only.
/// </summary>
public static class Patterns
{
    public const string Mac = "^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$";

    /// <summary>Dotted quad, each part 0 to 255 without leading zeros (which some parsers read as octal).</summary>
    public const string Ipv4 = $"^{Ipv4Body}$";

    /// <summary>RFC 4291 text forms (the ABNF of RFC 3986), with an optional trailing dotted quad; no zone or brackets.</summary>
    public const string Ipv6 = $"^{Ipv6Body}$";

    /// <summary>
    /// An IPv4 range as flowgen udp -a/-A take it: FIRST-LAST or ADDR/PREFIX, the prefix /0 to /32
    /// (the generator varies at most the last 32 bits). Order and family are checked by the contract.
    /// </summary>
    public const string Ipv4Range = $"^{Ipv4Body}(-{Ipv4Body}|/([0-9]|[12][0-9]|3[0-2]))$";

    /// <summary>An IPv6 range: FIRST-LAST (differing only in the last 32 bits, checked by the contract) or ADDR/96 to ADDR/128.</summary>
    public const string Ipv6Range = $"^{Ipv6Body}(-{Ipv6Body}|/(9[6-9]|1[01][0-9]|12[0-8]))$";

    /// <summary>A positive number (a fraction allowed) and a unit: 500ms, 1.5s, 10m, 2h.</summary>
    public const string Duration = @"^([0-9]*[1-9][0-9]*(\.[0-9]+)?|[0-9]+\.[0-9]*[1-9][0-9]*)(ms|s|m|h)$";

    public const string Hex = "^([0-9A-Fa-f]{2})+$";

    /// <summary>What --rate takes: packets/s (50k, 2.5M, 50kpps) or bits/s (800Mbit, 10Gbit, 1.5Gbit/s).</summary>
    public const string Rate = @"^[0-9]+(\.[0-9]+)?[kMGT]?(bit|bit/s|pps)?$";

    /// <summary>What Linux takes as a device name: 1 to 15 characters without '/', ':' or spaces, not "." or "..".</summary>
    public const string InterfaceName = $@"^({NameCharNotDot}{NameChar}{{0,14}}|\.{NameCharNotDot}{NameChar}{{0,13}}|\.\.{NameChar}{{1,13}})$";

    private const string NameChar = @"[^/:\s]";
    private const string NameCharNotDot = @"[^/:\s.]";
    private const string Octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private const string Ipv4Body = $@"{Octet}(\.{Octet}){{3}}";
    private const string H16 = "[0-9A-Fa-f]{1,4}";
    private const string Ls32 = $"({H16}:{H16}|{Ipv4Body})";

    // Ipv6 without its anchors, so that ranges can put two side by side.
    private const string Ipv6Body =
        $"((({H16}:){{6}}{Ls32})"
        + $"|(::({H16}:){{5}}{Ls32})"
        + $"|(({H16})?::({H16}:){{4}}{Ls32})"
        + $"|((({H16}:){{0,1}}{H16})?::({H16}:){{3}}{Ls32})"
        + $"|((({H16}:){{0,2}}{H16})?::({H16}:){{2}}{Ls32})"
        + $"|((({H16}:){{0,3}}{H16})?::{H16}:{Ls32})"
        + $"|((({H16}:){{0,4}}{H16})?::{Ls32})"
        + $"|((({H16}:){{0,5}}{H16})?::{H16})"
        + $"|((({H16}:){{0,6}}{H16})?::))";
}
