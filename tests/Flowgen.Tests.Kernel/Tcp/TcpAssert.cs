using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>What every successful <c>flowgen tcp</c> run promises about a stream the receiver read.</summary>
public static class TcpAssert
{
    /// <summary>
    /// The run completed (exit 0) with its FIN exchange; the receiver read every byte in order, as
    /// expected, to a normal close; and it read exactly the bytes the summary says were acknowledged.
    /// </summary>
    /// <param name="bytes">What was asked for (null: a duration or a stop): at most one record more arrives.</param>
    public static void Delivered(TcpRun run, TcpPatternReceipt receipt, long? bytes, string result = "completed", int exitCode = 0)
    {
        Assert.True(run.Process.ExitCode == exitCode, run.Describe());
        var summary = run.Summary;
        Assert.Equal(result, summary.Result);
        Assert.True(summary.CleanClose, run.Describe());
        Assert.True((receipt.End, receipt.FirstMismatchOffset) == (TcpStreamEnd.Closed, null), $"{receipt}\n{run.Describe()}");
        Assert.Equal(summary.BytesAcknowledged, receipt.BytesReceived);
        if (bytes is { } asked)
            Assert.InRange(receipt.BytesReceived, asked, asked + summary.RecordSize - 1);
    }
}
