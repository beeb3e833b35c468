using System.Globalization;

namespace Flowgen.Operator.Api;

/// <summary>Packet rates as people read them, e.g. <c>12.3 Mpps</c>: the Rate column of <c>kubectl get tf</c>.</summary>
public static class PacketRate
{
    private static readonly (double Scale, string Unit)[] Units = [(1e9, "Gpps"), (1e6, "Mpps"), (1e3, "kpps")];

    public static string Format(double packetsPerSecond)
    {
        foreach (var (scale, unit) in Units)
        {
            // Rounded first, so that 999 960 pps reads 1.0 Mpps, not 1000.0 kpps.
            var scaled = Math.Round(packetsPerSecond / scale, 1);
            if (scaled >= 1)
            {
                return $"{scaled.ToString("0.0", CultureInfo.InvariantCulture)} {unit}";
            }
        }

        return $"{packetsPerSecond.ToString("0", CultureInfo.InvariantCulture)} pps";
    }
}
