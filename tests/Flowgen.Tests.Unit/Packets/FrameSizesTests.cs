using System.Net.Sockets;
using Flowgen.Packets;
using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Packets;

public class FrameSizesTests
{
    [Theory]
    [InlineData(AddressFamily.InterNetwork, 64)] // 14 + 20 + 8 + 4 = 46, padded to the Ethernet minimum
    [InlineData(AddressFamily.InterNetworkV6, 66)] // 14 + 40 + 8 + 4
    public void Minimum_wire_size_is_the_ethernet_minimum_or_what_the_headers_need(AddressFamily family, int expected)
    {
        Assert.Equal(expected, FrameSizes.MinimumWireSize(family));
    }

    [Fact]
    public void Minimum_wire_size_rejects_families_other_than_ip()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameSizes.MinimumWireSize(AddressFamily.Unix));
    }

    [Theory]
    [InlineData(1500, 1518)]
    [InlineData(576, 594)]
    [InlineData(3394, 3412)]
    [InlineData(3395, 3412)]
    [InlineData(9000, 3412)]
    public void Maximum_wire_size_is_mtu_plus_ethernet_header_and_fcs_within_one_page(int mtu, int expected)
    {
        Assert.Equal(expected, FrameSizes.MaximumWireSize(mtu));
    }

    [Theory]
    [InlineData(64, 60)]
    [InlineData(1518, 1514)]
    [InlineData(3412, 3408)]
    public void The_kernel_gets_the_frame_without_its_fcs(int wireSize, int expected)
    {
        Assert.Equal(expected, FrameSizes.KernelFrameLength(wireSize));
    }
}
