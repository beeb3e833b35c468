namespace Flowgen.Contract;

/// <summary>
/// A job the agent can run (<see cref="UdpJob"/>, <see cref="TcpJob"/>): what names it on the
/// command line and in metrics, where it sends, and its canonical arguments.
/// </summary>
public interface IGeneratorJob
{
    /// <summary>The word that names the job on the command line: "udp" or "tcp".</summary>
    string Mode { get; }

    /// <summary>The interface the job sends from.</summary>
    string Interface { get; }

    /// <summary>Flows the job sends: UDP every combination of its addresses and ports, TCP its connections.</summary>
    long FlowCount { get; }

    /// <summary>Canonical arguments after <see cref="Mode"/>; parsing them gives the job back.</summary>
    IReadOnlyList<string> ToArguments();

    /// <summary>The whole canonical command line, mode first, e.g. <c>tcp --interface eth0 198.18.0.2</c>.</summary>
    string ToString();
}
