using System.Security.Cryptography;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>
/// <c>flowgen tcp --payload-file</c>: the stream is the file's bytes repeated end to end, whatever
/// the file's length against the record size, and ends with a normal close.
/// </summary>
public sealed class TcpPayloadFileTests
{
    const long Bytes = 20_000_000;
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(IpVersion.IPv4, 1000)]
    [InlineData(IpVersion.IPv6, 1000)]
    [InlineData(IpVersion.IPv4, 70 * 1024)]
    [InlineData(IpVersion.IPv6, 70 * 1024)]
    public async Task Receiver_reads_the_file_repeated_and_a_normal_close(IpVersion version, int fileLength)
    {
        KernelRequirement.EnsureRoot();
        var content = RandomNumberGenerator.GetBytes(fileLength);
        var file = Path.Combine(Path.GetTempPath(), $"flowgen-payload-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(file, content);
        try
        {
            await CleanBed.RunAsync(async bed =>
            {
                var address = bed.SinkAddress(version);
                await using var receiver = TcpPatternReceiver.Start(
                    bed.SinkNamespace, address, 0, 1, () => new RepeatedBytesVerifier(content), ReceiverDeadline);

                var run = await TcpSender.RunAsync(bed, address.ToString(), "-p", TcpSender.Port(receiver), "--bytes", $"{Bytes}", "--payload-file", file);
                var receipt = Assert.Single(await receiver.ReceiptsAsync());

                TcpAssert.Delivered(run, receipt, Bytes);
                Assert.NotEqual(0, fileLength % run.Summary.RecordSize);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
