using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Flowgen.Operator.Agents;

/// <summary>
/// A stable, valid pod name for (flow, node, interface): readable where it fits, always unique
/// through a short hash of the three, and within the 63 characters a DNS label allows.
/// </summary>
internal static partial class AgentPodName
{
    private const int MaxLength = 63;
    private const int HashLength = 8;

    public static string For(string flow, string node, string iface)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{flow}\n{node}\n{iface}")))[..HashLength];
        string readable = Sanitize($"{flow}-{node}-{iface}");
        int room = MaxLength - HashLength - 1;
        if (readable.Length > room)
            readable = readable[..room].TrimEnd('-');
        return $"{readable}-{hash}";
    }

    private static string Sanitize(string text) => NotDnsLabel().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotDnsLabel();
}
