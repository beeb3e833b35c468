using System.Runtime.InteropServices;

namespace Flowgen.Interop.Netlink;

/// <summary>
/// An rtnetlink socket. It belongs to the network namespace of the thread that opened it, and
/// keeps talking to that namespace from any thread. One request at a time.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    private const int ReceiveBufferSize = 64 * 1024; // more than one dump datagram can hold
    private const int MsgTrunc = 0x20;

    private readonly FileDescriptorHandle _fd;
    private readonly byte[] _receiveBuffer = new byte[ReceiveBufferSize];
    private uint _sequence;

    private NetlinkSocket(FileDescriptorHandle fd)
    {
        _fd = fd;
    }

    public static NetlinkSocket OpenRoute() => new(LibcSockets.Socket(
        LibcSockets.AfNetlink, LibcSockets.SockRaw, NetlinkProtocol.Route, "opening a netlink (NETLINK_ROUTE) socket"));

    /// <summary>
    /// Sends <paramref name="request"/> and collects its answer: every message of a dump, the
    /// one reply of a get, nothing for an acknowledged change. A kernel error becomes a
    /// <see cref="NativeException"/> naming <paramref name="operation"/>.
    /// </summary>
    public List<NetlinkMessage> Transact(NetlinkRequest request, string operation)
    {
        uint sequence = ++_sequence;
        Send(request.ToArray(sequence), operation);

        var answer = new List<NetlinkMessage>();
        while (true)
        {
            foreach (var message in NetlinkMessage.Split(Receive(operation)))
            {
                if (message.Sequence != sequence)
                    continue; // a late answer to an earlier request
                switch (message.Type)
                {
                    case NetlinkMessageType.Error or NetlinkMessageType.Done when message.Status != 0:
                        throw new NativeException(operation, -message.Status);
                    case NetlinkMessageType.Error or NetlinkMessageType.Done:
                        return answer;
                    default:
                        answer.Add(message);
                        if ((message.Flags & NetlinkFlags.Multi) == 0)
                            return answer;
                        break;
                }
            }
        }
    }

    public void Dispose() => _fd.Dispose();

    private void Send(byte[] message, string operation)
    {
        fixed (byte* data = message)
        {
            while (LibcSockets.Send(_fd, data, (nuint)message.Length, 0) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                    throw new NativeException($"{operation} (netlink send)", errno);
            }
        }
    }

    private byte[] Receive(string operation)
    {
        nint received;
        fixed (byte* data = _receiveBuffer)
        {
            while ((received = LibcSockets.Receive(_fd, data, (nuint)_receiveBuffer.Length, MsgTrunc)) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Errno.EINTR)
                    throw new NativeException($"{operation} (netlink receive)", errno);
            }
        }
        if (received > _receiveBuffer.Length)
            throw new InvalidDataException($"{operation}: a netlink answer of {received} bytes did not fit {_receiveBuffer.Length}");
        return _receiveBuffer.AsSpan(0, (int)received).ToArray();
    }
}
