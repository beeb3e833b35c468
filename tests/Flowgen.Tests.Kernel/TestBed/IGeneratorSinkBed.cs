using System.Net;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// A bed with a generator host and a sink host in their own namespaces, whatever lies between them
/// (a veth pair in <see cref="VethTestBed"/>, a lossy wire in <see cref="WireTestBed"/>).
/// </summary>
public interface IGeneratorSinkBed
{
    string GeneratorNamespace { get; }
    string SinkNamespace { get; }
    string GeneratorInterface { get; }
    string SinkInterface { get; }
    int SinkIfindex { get; }
    IPAddress SinkIPv4 { get; }
    IPAddress SinkIPv6 { get; }
}
