using Flowgen.Interop;

namespace Flowgen.Engine.Tcp;

/// <summary>
/// The loaded TCP object (bpf/tcp.bpf.c): the ingress program attached with a bpf_link to the
/// job's interface (one per interface, serving all the job's flows), the sender that the runner
/// hands to BPF_PROG_RUN, and the flow map both share. Disposing detaches everything; so does
/// the kernel if the process dies.
/// </summary>
internal sealed class TcpProgram : IDisposable
{
    private const uint ControlKey = 0;

    private readonly BpfObject _object;
    private readonly BpfLink _ingress;
    private readonly BpfMap _flows;
    private readonly BpfMap _control;
    private readonly BpfMap _payload;
    private TcpControlValue _controlValue;

    private TcpProgram(BpfObject obj, BpfLink ingress)
    {
        _object = obj;
        _ingress = ingress;
        _flows = obj.Map("tcp_flows");
        _control = obj.Map("tcp_control");
        _payload = obj.Map("tcp_payload");
        Sender = obj.Program("xdp_tcp_send");
    }

    public BpfProgram Sender { get; }

    /// <exception cref="EnvironmentException">The interface already has an XDP program (another job, a sink, another tool).</exception>
    public static TcpProgram Attach(InterfaceInfo iface)
    {
        var obj = BpfObject.OpenEmbedded("tcp");
        try
        {
            obj.SetReadOnlyConfig(new TcpConfig { TargetIfindex = (uint)iface.Index });
            obj.Load();
            BpfLink ingress;
            try
            {
                ingress = obj.Program("xdp_tcp_ingress").AttachXdp(iface.Index, iface.Name);
            }
            catch (XdpAttachException e) when (e.Errno is Errno.EBUSY or Errno.EEXIST)
            {
                throw new EnvironmentException(
                    $"{iface.Name} already has an XDP program attached, so flowgen tcp cannot take its connections over " +
                    $"(one flowgen tcp job per interface; a flowgen sink or another tool also holds it): stop it first; " +
                    $"'bpftool net show dev {iface.Name}' shows what is attached");
            }
            return new TcpProgram(obj, ingress);
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    /// <summary>Adds a flow in the handshake phase: the ingress program passes its segments and records the peer's TSval.</summary>
    public void AddHandshake(in TcpFlowKey key) =>
        _flows.Update(key, new TcpFlowValue { State = (uint)TcpFlowPhase.Handshake }, BpfMapFlags.NoExist);

    public TcpFlowValue Read(in TcpFlowKey key) =>
        _flows.TryLookup(key, out TcpFlowValue value, BpfMapFlags.Lock)
            ? value
            : throw new InvalidOperationException("the flow vanished from tcp_flows");

    /// <summary>Writes the whole value under its lock (only at phase changes: see bpf/flowgen.h).</summary>
    public void Write(in TcpFlowKey key, in TcpFlowValue value) => _flows.Update(key, value, BpfMapFlags.Exist | BpfMapFlags.Lock);

    public void Remove(in TcpFlowKey key) => _flows.Delete(key);

    /// <summary>From now on the sender starts no new data; what is in flight is still completed.</summary>
    public void StopNewData()
    {
        _controlValue.StopNewData = 1;
        _control.Update(ControlKey, _controlValue);
    }

    /// <summary>The file whose bytes the segments carry from now on, repeated (before any flow runs); once per program.</summary>
    public void UsePayload(TcpPayloadFile file)
    {
        if (_controlValue.PayloadLength == file.Length)
            return;
        var chunk = new TcpPayloadChunk[1];
        for (uint key = 0; key < file.Chunks; key++)
        {
            file.FillChunk((int)key, chunk[0]);
            _payload.Update(key, chunk[0]);
        }
        _controlValue.PayloadLength = (uint)file.Length;
        _control.Update(ControlKey, _controlValue);
    }

    public void Dispose()
    {
        _ingress.Dispose();
        _object.Dispose();
    }
}
