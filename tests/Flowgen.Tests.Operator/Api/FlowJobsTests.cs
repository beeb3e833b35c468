using System.Net;
using System.Net.NetworkInformation;
using Flowgen.Contract;
using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Api;

/// <summary>The spec becomes the job the agent parses: the operator never renders what the agent refuses.</summary>
public class FlowJobsTests
{
    [Theory]
    [MemberData(nameof(SampleFlows.Files), MemberType = typeof(SampleFlows))]
    public void Sample_specs_make_jobs_the_agent_accepts(string sample)
    {
        var spec = SampleFlows.Load(SampleFlows.PathOf(sample)).Spec;
        if (spec.Mode == FlowMode.Tcp)
        {
            var tcp = spec.ToTcpJob("ens1f0");
            Assert.Equal(tcp, TcpJob.Parse(tcp.ToArguments()));
            return;
        }

        var job = spec.ToUdpJob("ens1f0");
        job.Validate();
        Assert.Equal(job, UdpJob.Parse(job.ToArguments()));
    }

    [Fact]
    public void Tcp_sample_streams_what_it_says()
    {
        var job = SampleFlows.Load(SampleFlows.PathOf("tcp-basic.yaml")).Spec.ToTcpJob("ens1f0");

        Assert.Equal(("ens1f0", IPAddress.Parse("198.18.0.2"), (ushort)5201, 2), (job.Interface, job.Destination, job.Port, job.Flows));
        Assert.Equal((TimeSpan.FromSeconds(30), (long?)null, TcpJob.DefaultConnectTimeout), (job.Duration, job.Segments, job.ConnectTimeout));
    }

    [Fact]
    public void A_mode_without_its_options_block_is_named()
    {
        var tcpOnly = SampleFlows.Load(SampleFlows.PathOf("tcp-basic.yaml")).Spec;
        tcpOnly.Mode = FlowMode.Udp;
        var udpOnly = SampleFlows.Load(SampleFlows.PathOf("udp-basic.yaml")).Spec;
        udpOnly.Mode = FlowMode.Tcp;

        Assert.Equal("spec.udp is required for mode udp", Assert.Throws<UsageException>(() => tcpOnly.ToUdpJob("eth0")).Message);
        Assert.Equal("spec.tcp is required for mode tcp", Assert.Throws<UsageException>(() => udpOnly.ToTcpJob("eth0")).Message);
    }

    [Fact]
    public void Basic_sample_sends_what_it_says()
    {
        var job = SampleFlows.Load(SampleFlows.PathOf("udp-basic.yaml")).Spec.ToUdpJob("ens1f0");
        Assert.Equal("ens1f0", job.Interface);
        Assert.Equal(IPAddress.Parse("198.18.0.2"), job.Destination);
        Assert.Equal((10000, 100, 64, 2), (job.DestinationPort, job.DynamicPorts, job.FrameSize, job.Threads));
        Assert.Equal((TimeSpan.FromSeconds(60), (long?)null), (job.Duration, job.Packets));
        Assert.Null(job.DestinationMac);
    }

    [Fact]
    public void Targets_sample_sends_the_count_with_the_payload()
    {
        var job = SampleFlows.Load(SampleFlows.PathOf("udp-targets.yaml")).Spec.ToUdpJob("ens1f1", "aa:bb:cc:dd:ee:02");
        Assert.Equal(IPAddress.Parse("2001:db8::2"), job.Destination);
        Assert.Equal((100_000_000L, (TimeSpan?)null), (job.Packets, job.Duration));
        Assert.Equal((128, 4), (job.FrameSize, job.Threads));
        Assert.Equal(Convert.FromHexString("deadbeef"), job.Payload.ToArray());
        Assert.Equal(PhysicalAddress.Parse("aa-bb-cc-dd-ee-02"), job.DestinationMac);
    }

    [Fact]
    public void A_targets_mac_wins_over_the_flows()
    {
        var spec = SampleFlows.Load(SampleFlows.PathOf("udp-basic.yaml")).Spec;
        spec.Udp!.DstMac = "02:00:00:00:00:01";
        Assert.Equal(PhysicalAddress.Parse("02-00-00-00-00-01"), spec.ToUdpJob("eth0").DestinationMac);
        Assert.Equal(PhysicalAddress.Parse("02-00-00-00-00-02"), spec.ToUdpJob("eth0", "02:00:00:00:00:02").DestinationMac);
    }

    [Fact]
    public void Defaults_of_the_spec_are_the_jobs_defaults()
    {
        var spec = new TrafficFlowSpec { Udp = new UdpFlow { DstAddress = "198.18.0.2" }, Packets = 10 };
        Assert.Equal(new UdpJob { Interface = "eth0", Destination = IPAddress.Parse("198.18.0.2"), Packets = 10 }, spec.ToUdpJob("eth0"));
    }

    [Theory]
    [InlineData("198.18.0.2", "2001:db8::1", 9, 0, "same family")]
    [InlineData("198.18.0.2", null, 65000, 1000, "runs past port 65535")]
    [InlineData("2001:db8::2", null, 9, 0, "too small")]
    public void Specs_the_schema_cannot_refuse_are_refused_here(string dst, string? src, int port, int dynamicPorts, string why)
    {
        var spec = new TrafficFlowSpec
        {
            Udp = new UdpFlow { DstAddress = dst, SrcAddress = src, DstPort = port, DynamicPorts = dynamicPorts, PacketSize = 64 },
            Duration = "1s",
        };
        var error = Assert.Throws<UsageException>(() => spec.ToUdpJob("eth0"));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}

public class FlowJobsLatencyTests
{
    [Fact]
    public void Latency_in_the_spec_makes_an_agent_job_that_stamps_and_measures_round_trips()
    {
        var spec = new TrafficFlowSpec { Udp = new UdpFlow { DstAddress = "198.18.0.2", PacketSize = 128, Latency = true }, Duration = "1s" };

        var job = spec.ToUdpJob("eth0");

        Assert.Equal((true, true), (job.Latency, job.Stamp));
        Assert.Contains("--latency", job.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_in_a_frame_too_small_for_the_probe_is_refused_with_the_size_that_works()
    {
        var spec = new TrafficFlowSpec { Udp = new UdpFlow { DstAddress = "198.18.0.2", PacketSize = 64, Latency = true }, Duration = "1s" };

        Assert.Contains("86", Assert.Throws<UsageException>(() => spec.ToUdpJob("eth0")).Message, StringComparison.Ordinal);
    }
}
