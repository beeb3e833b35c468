using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>enum xdp_action: what an XDP program returned.</summary>
internal enum XdpVerdict : uint
{
    Aborted = 0,
    Drop = 1,
    Pass = 2,
    Tx = 3,
    Redirect = 4,
}

/// <summary>
/// BPF_PROG_RUN without live frames: the kernel runs an XDP program once over a copy of a frame
/// and hands back its verdict and the frame as the program left it. Nothing leaves a device.
/// </summary>
internal static unsafe class XdpTestRun
{
    /// <summary>The program's verdict and the frame as the program left it.</summary>
    public static (XdpVerdict Verdict, byte[] Frame) RunOnce(int programFd, ReadOnlySpan<byte> frame)
    {
        // Room for a program that grows the frame at its tail.
        var output = new byte[frame.Length + 256];
        fixed (byte* data = frame)
        fixed (byte* outData = output)
        {
            var options = new Libbpf.TestRunOptions
            {
                Size = (nuint)sizeof(Libbpf.TestRunOptions),
                DataIn = data,
                DataSizeIn = (uint)frame.Length,
                DataOut = outData,
                DataSizeOut = (uint)output.Length,
                Repeat = 1,
            };
            if (Libbpf.ProgTestRunOpts(programFd, &options) != 0)
                throw new NativeException("running an XDP program once (BPF_PROG_RUN)", Marshal.GetLastPInvokeError());
            return ((XdpVerdict)options.ReturnValue, output.AsSpan(0, (int)options.DataSizeOut).ToArray());
        }
    }
}
