namespace Flowgen.Interop;

/// <summary>An XDP program could not be attached to an interface.</summary>
internal sealed class XdpAttachException(string interfaceName, int errno) : Exception(Explain(interfaceName, errno))
{
    public string InterfaceName { get; } = interfaceName;

    public int Errno { get; } = errno;

    private static string Explain(string interfaceName, int errno) => errno switch
    {
        Interop.Errno.EBUSY or Interop.Errno.EEXIST =>
            $"{interfaceName} already has an XDP program attached (another flowgen sink, or another tool): " +
            $"stop it first; 'bpftool net show dev {interfaceName}' shows what is attached",
        _ => $"attaching XDP to {interfaceName} failed: {Interop.Errno.Describe(errno)}",
    };
}
