using System.Net;
using System.Net.Sockets;
using System.Text;
using Flowgen.Interop.Netlink;

namespace Flowgen.Interop;

/// <summary>
/// Makes the kernel resolve one neighbour. First choice: RTM_NEWNEIGH with NTF_USE, which sends
/// an ARP request or neighbour solicitation and nothing else. It needs CAP_NET_ADMIN; when it is
/// refused, one empty UDP datagram to the discard port does the same, since sending it needs
/// the neighbour. Open it on the thread whose network namespace is meant: its sockets stay there.
/// </summary>
/// <remarks>
/// IPv6: a solicitation the kernel sends on its own (NTF_USE carries no packet to take a source
/// address from) needs a link-local source that finished DAD. For about 1–2 s after an interface
/// comes up the kernel skips it silently and resolves on its next retry, a second later.
/// </remarks>
internal sealed class NeighbourSolicitor : IDisposable
{
    private const int DiscardPort = 9;
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    private readonly NetlinkSocket _netlink;
    private readonly int _interfaceIndex;
    private readonly string _interfaceName;
    private readonly IPAddress _address;
    private Socket? _udp;

    public NeighbourSolicitor(NetlinkSocket netlink, int interfaceIndex, string interfaceName, IPAddress address, bool viaNetlink = true)
    {
        _netlink = netlink;
        _interfaceIndex = interfaceIndex;
        _interfaceName = interfaceName;
        _address = address;
        if (!viaNetlink)
            _udp = OpenUdp();
    }

    public void Solicit()
    {
        if (_udp is null)
        {
            try
            {
                _netlink.Transact(NeighbourMessages.UseRequest(_interfaceIndex, _address), $"asking the kernel to resolve {_address} on {_interfaceName}");
                return;
            }
            catch (NativeException e) when (e.Errno is Errno.EPERM or Errno.EACCES or Errno.EOPNOTSUPP)
            {
                _udp = OpenUdp();
            }
        }
        SendEmptyDatagram(_udp);
    }

    public void Dispose() => _udp?.Dispose();

    private Socket OpenUdp()
    {
        var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.UTF8.GetBytes(_interfaceName + "\0"));
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new IOException($"binding a UDP socket to {_interfaceName} to resolve {_address} failed: {e.Message}", e);
        }
    }

    private void SendEmptyDatagram(Socket udp)
    {
        IPAddress target = _address.IsIPv6LinkLocal ? new IPAddress(_address.GetAddressBytes(), _interfaceIndex) : _address;
        try
        {
            udp.SendTo([], new IPEndPoint(target, DiscardPort));
        }
        catch (SocketException e)
        {
            throw new IOException($"sending an empty UDP datagram to {target} on {_interfaceName} (to resolve it) failed: {e.Message}", e);
        }
    }
}
