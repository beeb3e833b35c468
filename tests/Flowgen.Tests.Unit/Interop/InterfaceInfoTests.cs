using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Flowgen.Interop;

namespace Flowgen.Tests.Unit.Interop;

public class InterfaceInfoTests
{
    [Fact]
    public void The_preferred_ipv6_source_skips_link_local()
    {
        var info = With("fe80::1", "198.18.0.1", "2001:db8::1", "2001:db8::5");

        Assert.Equal(IPAddress.Parse("2001:db8::1"), info.PreferredSource(AddressFamily.InterNetworkV6));
        Assert.Equal(IPAddress.Parse("198.18.0.1"), info.PreferredSource(AddressFamily.InterNetwork));
    }

    [Fact]
    public void A_link_local_source_is_taken_when_there_is_nothing_else() =>
        Assert.Equal(IPAddress.Parse("fe80::1"), With("198.18.0.1", "fe80::1").PreferredSource(AddressFamily.InterNetworkV6));

    [Fact]
    public void Loopback_is_never_a_source_and_a_missing_family_gives_null()
    {
        var info = With("127.0.0.1", "::1");

        Assert.Null(info.PreferredSource(AddressFamily.InterNetwork));
        Assert.Null(info.PreferredSource(AddressFamily.InterNetworkV6));
    }

    static InterfaceInfo With(params string[] addresses) =>
        new("veth-gen", 2, PhysicalAddress.Parse("02-00-00-00-00-01"), 1500,
            addresses.Select(IPAddress.Parse).ToList(), IsUp: true, Driver: "veth");
}
