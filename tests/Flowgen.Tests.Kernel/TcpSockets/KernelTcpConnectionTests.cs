using System.Net;
using Flowgen.Interop;
using Flowgen.Interop.Tcp;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>
/// The hand-over socket against a real Linux listener in the other namespace of the veth bed. The
/// oracles are the handshake as captured on the sink's side and the accepted socket's own TCP_INFO.
/// </summary>
public sealed class KernelTcpConnectionTests
{
    /// <summary>TCP timestamps option: 10 bytes, padded to 12 with two NOPs in every Linux segment.</summary>
    const int TimestampOptionSpace = 12;

    /// <summary>TCP_TIMESTAMP counts milliseconds (Linux's TCP clock for TSval); the test lasts well under this.</summary>
    const int TimestampSlackMs = 10_000;

    /// <summary>How far the last TSval sent may run ahead of TCP_TIMESTAMP (seen: 1 ms, IPv4, Linux 6.18).</summary>
    const int TimestampLeadMs = 2;

    static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(300);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public Task Negotiated_matches_the_SYN_and_SYN_ACK_on_the_wire_and_the_peer_socket(IpVersion version) =>
        OnBedAsync(version, connected =>
        {
            var negotiated = connected.Connection.Negotiated();
            var (syn, synAck, _) = connected.Handshake();
            var peer = PeerTcpInfo.Read(connected.Peer);

            // Linux offers all three by default; a vacuous comparison of falses would prove nothing.
            Assert.True(negotiated is { Sack: true, Timestamps: true, WindowScaling: true }, $"{negotiated}");
            Assert.Equal(syn.SackPermitted && synAck.SackPermitted, negotiated.Sack);
            Assert.Equal(syn.TsVal is not null && synAck.TsVal is not null, negotiated.Timestamps);
            Assert.Equal(syn.WindowScale is not null && synAck.WindowScale is not null, negotiated.WindowScaling);
            Assert.Equal(synAck.WindowScale, negotiated.SendWindowScale);
            Assert.Equal(syn.WindowScale, negotiated.ReceiveWindowScale);
            Assert.Equal(Math.Min(syn.Mss!.Value, synAck.Mss!.Value) - TimestampOptionSpace, negotiated.SendMss);
            Assert.Equal(synAck.Window, negotiated.PeerWindow);

            Assert.Equal((peer.Sack, peer.Timestamps, peer.WindowScaling), (negotiated.Sack, negotiated.Timestamps, negotiated.WindowScaling));
            Assert.Equal(peer.ReceiveWindowScale, negotiated.SendWindowScale);
            Assert.Equal(peer.SendWindowScale, negotiated.ReceiveWindowScale);
            // tcpi_advmss is what the peer advertised less the timestamp option once timestamps are on;
            // both ends have the same MTU here, so it is also what this end may send.
            Assert.Equal(peer.AdvertisedMss, negotiated.SendMss);
            return Task.CompletedTask;
        });

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public Task Freeze_continues_from_the_sequence_numbers_and_clock_of_the_handshake(IpVersion version) =>
        OnBedAsync(version, connected =>
        {
            var takeover = connected.Connection.Freeze();
            var (syn, synAck, ack) = connected.Handshake();

            Assert.Equal(connected.Connection.LocalEndPoint, syn.Source);
            Assert.Equal(syn.Sequence + 1, takeover.SendNext);
            Assert.Equal(synAck.Acknowledgment, takeover.SendNext);
            Assert.Equal(synAck.Sequence + 1, takeover.ReceiveNext);
            Assert.Equal(ack.Acknowledgment, takeover.ReceiveNext);
            // The ACK's TSval comes from its departure time, which pacing may set a millisecond ahead of the clock.
            var sinceAck = unchecked((int)(takeover.TimestampNow - ack.TsVal!.Value));
            Assert.True(sinceAck is >= -TimestampLeadMs and < TimestampSlackMs,
                $"TimestampNow {takeover.TimestampNow} is not just after the final ACK's TSval {ack.TsVal} ({sinceAck} ms apart)");
            return Task.CompletedTask;
        });

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public Task Dispose_after_Freeze_sends_nothing_to_the_peer(IpVersion version) =>
        OnBedAsync(version, async connected =>
        {
            connected.Connection.Freeze();
            var (_, _, finalAck) = connected.Handshake();
            connected.Connection.Dispose();

            using var silence = new CancellationTokenSource(Silence);
            var read = connected.Peer.ReceiveAsync(new byte[1], silence.Token).AsTask();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

            var local = connected.Connection.LocalEndPoint;
            var afterHandshake = connected.Capture.ReadFor(TimeSpan.Zero).SkipWhile(s => s != finalAck).Skip(1);
            Assert.DoesNotContain(afterHandshake, s => s.Source.Equals(local));
            Assert.Equal(PeerTcpInfo.Established, PeerTcpInfo.Read(connected.Peer).State);
            var ss = await Netns.ExecAsync(connected.SinkNamespace, "ss", "-Htn", "state", "established", "dst", local.ToString());
            Assert.False(string.IsNullOrWhiteSpace(ss), $"ss shows no established connection from {local} in the sink namespace");
        });

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task A_port_nobody_listens_on_is_refused(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(bed =>
        {
            var remote = new IPEndPoint(bed.SinkAddress(version), 9);
            var failure = ConnectFails(bed, version, remote, HandshakeBed.ConnectTimeout);
            Assert.Equal(TcpConnectFailure.Refused, failure.Failure);
            Assert.Equal($"connection to {remote} refused: nothing listens on that port", failure.Message);
            return Task.CompletedTask;
        });
    }

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    public async Task An_absent_neighbour_times_out_within_a_short_timeout(IpVersion version)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(bed =>
        {
            var remote = new IPEndPoint(AbsentNeighbour(version), 5201);
            var failure = ConnectFails(bed, version, remote, TimeSpan.FromMilliseconds(500));
            Assert.Equal(TcpConnectFailure.TimedOut, failure.Failure);
            Assert.StartsWith($"no answer from {remote} within 0.5 s (timed out)", failure.Message, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// ARP gives up after 3 probes 1 s apart and the kernel fails the IPv4 connect with EHOSTUNREACH.
    /// A failed IPv6 neighbour discovery reaches the socket as no error at all (Linux 6.18): the SYN
    /// is retried until the timeout.
    /// </summary>
    [SkippableTheory]
    [InlineData(IpVersion.IPv4, TcpConnectFailure.Unreachable)]
    [InlineData(IpVersion.IPv6, TcpConnectFailure.TimedOut)]
    public async Task An_absent_neighbour_fails_once_resolution_gives_up(IpVersion version, TcpConnectFailure expected)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(bed =>
        {
            var remote = new IPEndPoint(AbsentNeighbour(version), 5201);
            var failure = ConnectFails(bed, version, remote, TimeSpan.FromSeconds(5));
            Assert.Equal(expected, failure.Failure);
            Assert.StartsWith(
                expected == TcpConnectFailure.Unreachable
                    ? $"{remote} is unreachable: no host answered at {remote.Address}"
                    : $"no answer from {remote} within 5 s (timed out)",
                failure.Message, StringComparison.Ordinal);
            return Task.CompletedTask;
        });
    }

    static TcpConnectException ConnectFails(VethTestBed bed, IpVersion version, IPEndPoint remote, TimeSpan timeout)
    {
        var local = version == IpVersion.IPv4 ? bed.GeneratorIPv4 : bed.GeneratorIPv6;
        using var connection = NetworkNamespace.Run(bed.GeneratorNamespace, () => KernelTcpConnection.Bind(local, bed.GeneratorIfindex));
        return Assert.Throws<TcpConnectException>(() => connection.Connect(remote, timeout));
    }

    /// <summary>An address in the bed's subnet that no host has.</summary>
    static IPAddress AbsentNeighbour(IpVersion version) =>
        IPAddress.Parse(version == IpVersion.IPv4 ? "198.18.0.3" : "2001:db8::3");

    static async Task OnBedAsync(IpVersion version, Func<HandshakeBed, Task> test)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            using var connected = await HandshakeBed.ConnectAsync(bed, version);
            await test(connected);
        });
    }
}
