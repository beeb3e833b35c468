using System.Net;
using System.Net.Sockets;
using Flowgen.Interop;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>The test-bed receiver against plain Linux senders in the generator namespace.</summary>
public sealed class TcpPatternReceiverTests
{
    const int R = 1448;
    const int Length = 3_000_000;
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, 1)]
    [InlineData(IpVersion.IPv6, 1)]
    [InlineData(IpVersion.IPv4, 3)]
    public Task Pattern_streams_arrive_whole_and_end_with_a_normal_close(IpVersion version, int flows) =>
        OnBedAsync(version, flows, closeAfterBytes: null, async (bed, receiver) =>
        {
            var stream = PatternStream.Bytes(Length, R);
            await Task.WhenAll(Enumerable.Range(0, flows).Select(_ => SendAsync(bed, version, receiver.EndPoint, stream, abort: false)));
            var receipts = await receiver.ReceiptsAsync();
            Assert.Equal(flows, receipts.Count);
            Assert.All(receipts, receipt =>
            {
                Assert.True(receipt is { End: TcpStreamEnd.Closed, BytesReceived: Length, FirstMismatchOffset: null, RecordSize: R },
                    receipt.ToString());
                Assert.True(receipt.Transfer > TimeSpan.Zero && receipt.Transfer <= receipt.Connected, receipt.ToString());
            });
        });

    [SkippableFact]
    public Task A_wrong_byte_is_reported_at_its_stream_offset() =>
        OnBedAsync(IpVersion.IPv4, 1, closeAfterBytes: null, async (bed, receiver) =>
        {
            var stream = PatternStream.Bytes(Length, R);
            stream[2_000_001] ^= 0x80;
            await SendAsync(bed, IpVersion.IPv4, receiver.EndPoint, stream, abort: false);
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            Assert.True(receipt is { End: TcpStreamEnd.Closed, FirstMismatchOffset: 2_000_001, BytesReceived: Length }, receipt.ToString());
        });

    [SkippableFact]
    public Task A_sender_that_resets_ends_the_stream_as_reset() =>
        OnBedAsync(IpVersion.IPv4, 1, closeAfterBytes: null, async (bed, receiver) =>
        {
            await SendAsync(bed, IpVersion.IPv4, receiver.EndPoint, PatternStream.Bytes(100_000, R), abort: true);
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            Assert.True(receipt is { End: TcpStreamEnd.Reset, Error: nameof(SocketError.ConnectionReset) }, receipt.ToString());
        });

    [SkippableFact]
    public Task The_receiver_closes_mid_stream_after_the_bytes_it_was_given() =>
        OnBedAsync(IpVersion.IPv4, 1, closeAfterBytes: 100_000, async (bed, receiver) =>
        {
            var sent = SendAsync(bed, IpVersion.IPv4, receiver.EndPoint, PatternStream.Bytes(Length * 10, R), abort: false);
            var receipt = Assert.Single(await receiver.ReceiptsAsync());
            Assert.True(receipt is { End: TcpStreamEnd.ClosedByReceiver, BytesReceived: 100_000, FirstMismatchOffset: null }, receipt.ToString());
            var failure = await Assert.ThrowsAsync<SocketException>(() => sent);
            Assert.Equal(SocketError.ConnectionReset, failure.SocketErrorCode);
        });

    /// <summary>Sends the bytes, then closes: normally (FIN, waiting for the receiver's FIN) or abortively (RST).</summary>
    static async Task SendAsync(VethTestBed bed, IpVersion version, IPEndPoint receiver, byte[] stream, bool abort)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        using var client = NetworkNamespace.Run(bed.GeneratorNamespace, () => new Socket(version.Family(), SocketType.Stream, ProtocolType.Tcp));
        await client.ConnectAsync(receiver, deadline.Token);
        await client.SendAsync(stream, deadline.Token);
        if (abort)
        {
            client.LingerState = new LingerOption(true, 0);
            return;
        }
        client.Shutdown(SocketShutdown.Send);
        Assert.Equal(0, await client.ReceiveAsync(new byte[1], deadline.Token));
    }

    static async Task OnBedAsync(IpVersion version, int flows, long? closeAfterBytes, Func<VethTestBed, TcpPatternReceiver, Task> test)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            await using var receiver = TcpPatternReceiver.Start(
                bed.SinkNamespace, bed.SinkAddress(version), 0, flows, () => new TcpPatternVerifier(), Deadline, closeAfterBytes);
            await test(bed, receiver);
        });
    }
}
