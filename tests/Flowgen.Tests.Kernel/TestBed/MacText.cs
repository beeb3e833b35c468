using System.Globalization;
using System.Net.NetworkInformation;

namespace Flowgen.Tests.Kernel.TestBed;

public static class MacText
{
    /// <summary>"aa:bb:cc:dd:ee:ff", the form iproute2 and the flowgen CLI take.</summary>
    public static string Format(PhysicalAddress mac) =>
        string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
