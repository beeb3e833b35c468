using System.Net;
using Flowgen.Contract;
using Flowgen.Interop;

namespace Flowgen.Engine.Tcp;

/// <summary>A TCP job with the host checked and the interface and source address resolved.</summary>
/// <param name="Cpus">The CPU of each flow's sending thread (one thread per flow).</param>
/// <param name="Payload">The --payload-file, read; null: the offset-encoding pattern.</param>
internal sealed record PreparedTcpJob(
    TcpJob Job, InterfaceInfo Interface, IPAddress Source, IReadOnlyList<int> Cpus, TcpPayloadFile? Payload = null)
{
    public IPEndPoint Remote => new(Job.Destination, Job.Port);
}
