using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.TcpSockets;

/// <summary>The receiver's pattern check on synthetic streams (no kernel needed).</summary>
public sealed class TcpPatternVerifierTests
{
    const int R = 1448;

    [Fact]
    public void The_pattern_starts_as_defined()
    {
        var stream = PatternStream.Bytes(2 * R + 10, R);
        Assert.Equal(new byte[8], stream[..8]);
        Assert.Equal((byte)(8 ^ 0xA5), stream[8]);
        Assert.Equal(unchecked((byte)((R - 1) ^ 0xA5)), stream[R - 1]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, R >> 8, R & 0xFF }, stream[R..(R + 8)]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, (2 * R) >> 8, (2 * R) & 0xFF }, stream[(2 * R)..(2 * R + 8)]);
    }

    [Theory]
    [InlineData(1448, 1)]
    [InlineData(1448, 1000)]
    [InlineData(1428, 7)]
    [InlineData(536, 65536)]
    [InlineData(9000, 4096)]
    public void A_correct_stream_passes_and_shows_its_record_size(int recordSize, int chunk)
    {
        var verifier = Feed(new TcpPatternVerifier(), PatternStream.Bytes(300_000, recordSize), chunk);
        Assert.Null(verifier.FirstMismatchOffset);
        Assert.Equal(recordSize, verifier.RecordSize);
        Assert.Equal(300_000, verifier.BytesSeen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(R)]
    public void A_wrong_byte_is_found_at_its_offset(int? given)
    {
        var stream = PatternStream.Bytes(100 * R, R);
        stream[37 * R + 500] ^= 0x01;
        var verifier = Feed(new TcpPatternVerifier(given), stream, 4096);
        Assert.Equal(37 * R + 500, verifier.FirstMismatchOffset);
        Assert.Equal(R, verifier.RecordSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_wrong_byte_in_the_first_header_is_found(int offset)
    {
        var stream = PatternStream.Bytes(10 * R, R);
        stream[offset] = 1;
        Assert.Equal(offset, Feed(new TcpPatternVerifier(), stream, 100).FirstMismatchOffset);
    }

    [Fact]
    public void A_record_at_the_wrong_offset_is_found_with_the_record_size_given()
    {
        // Record 5 is missing: record 6 arrives where record 5 belongs; its header says 6R, not 5R.
        var records = PatternStream.Bytes(20 * R, R);
        var stream = records[..(5 * R)].Concat(records[(6 * R)..]).ToArray();
        var mismatch = Feed(new TcpPatternVerifier(R), stream, 1000).FirstMismatchOffset;
        Assert.InRange(mismatch!.Value, 5 * R, 5 * R + 7);
    }

    [Fact]
    public void A_repeated_record_is_found()
    {
        var records = PatternStream.Bytes(20 * R, R);
        var stream = records[..(4 * R)].Concat(records[(3 * R)..]).ToArray();
        var mismatch = Feed(new TcpPatternVerifier(), stream, 1000).FirstMismatchOffset;
        Assert.InRange(mismatch!.Value, 4 * R, 4 * R + 7);
    }

    [Fact]
    public void A_missing_second_record_leaves_the_size_unknown_and_fails_where_it_should_start()
    {
        // Without record 1 the stream never shows R: it is checked as one long record 0.
        var records = PatternStream.Bytes(200 * R, R);
        var stream = records[..R].Concat(records[(2 * R)..]).ToArray();
        var verifier = Feed(new TcpPatternVerifier(), stream, 8192);
        Assert.Null(verifier.RecordSize);
        Assert.Equal(R, verifier.FirstMismatchOffset);
    }

    [Fact]
    public void A_stream_shorter_than_one_record_is_checked_as_far_as_it_goes()
    {
        var good = Feed(new TcpPatternVerifier(), PatternStream.Bytes(500, R), 64);
        Assert.Null(good.FirstMismatchOffset);
        Assert.Null(good.RecordSize);

        var stream = PatternStream.Bytes(500, R);
        stream[499] = 0xFF;
        Assert.Equal(499, Feed(new TcpPatternVerifier(), stream, 64).FirstMismatchOffset);
    }

    [Fact]
    public void Repeated_bytes_are_checked_across_block_boundaries()
    {
        byte[] block = [1, 2, 3, 4, 5];
        var stream = Enumerable.Range(0, 1003).Select(i => block[i % 5]).ToArray();
        Assert.Null(Feed(new RepeatedBytesVerifier(block), stream, 7).FirstMismatchOffset);
        stream[1001] = 9;
        Assert.Equal(1001, Feed(new RepeatedBytesVerifier(block), stream, 7).FirstMismatchOffset);
    }

    static T Feed<T>(T verifier, byte[] stream, int chunk) where T : IStreamVerifier
    {
        for (var at = 0; at < stream.Length; at += chunk)
            verifier.Append(stream.AsSpan(at, Math.Min(chunk, stream.Length - at)));
        verifier.Finish();
        return verifier;
    }
}
