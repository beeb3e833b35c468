using System.Net;
using Flowgen.Interop;

namespace Flowgen.Tests.Unit.Interop;

public class NeighbourResolutionExceptionTests
{
    [Theory]
    [InlineData("198.18.0.2", 1000, "no ARP answer from 198.18.0.2 on veth-gen within 1s")]
    [InlineData("198.18.0.2", 1500, "no ARP answer from 198.18.0.2 on veth-gen within 1.5s")]
    [InlineData("2001:db8::2", 250, "no ND answer from 2001:db8::2 on veth-gen within 250ms")]
    public void The_message_names_address_interface_and_timeout_then_the_fix(string address, int milliseconds, string start)
    {
        var failure = new NeighbourResolutionException(IPAddress.Parse(address), "veth-gen", TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal($"{start}: check the address, or give the destination MAC with -m", failure.Message);
    }
}
