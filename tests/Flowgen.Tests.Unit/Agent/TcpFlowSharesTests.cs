using Flowgen.Contract;
using Flowgen.Engine.Tcp;

namespace Flowgen.Tests.Unit.Agent;

public class TcpFlowSharesTests
{
    private static TcpJob Job(params string[] limit) => TcpJob.Parse([.. limit, "-i", "veth-gen", "198.18.0.2"]);

    [Fact]
    public void Bytes_are_rounded_up_to_whole_records()
    {
        Assert.Equal(3, TcpFlowShares.Segments(Job("--bytes", "2001"), 0, 1000));
    }

    [Fact]
    public void Segments_are_split_over_the_flows_the_first_taking_the_remainder()
    {
        TcpJob job = Job("-n", "10", "--flows", "3");

        Assert.Equal([4L, 3L, 3L], Enumerable.Range(0, 3).Select(i => TcpFlowShares.Segments(job, i, 1448)!.Value));
    }

    [Fact]
    public void Without_a_segment_or_byte_limit_there_is_no_share()
    {
        Assert.Null(TcpFlowShares.Segments(Job("--duration", "5s"), 0, 1448));
    }
}
