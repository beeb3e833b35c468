using Flowgen.Contract;

namespace Flowgen.Tests.Unit.Contract;

/// <summary>Test shorthand: command lines written as one string, split on spaces.</summary>
internal static class CommandLines
{
    public static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static UdpJob Udp(string line) => UdpJob.Parse(Split(line));

    /// <summary>The message of the UsageException that parsing the line throws.</summary>
    public static string UdpError(string line) => Assert.Throws<UsageException>(() => Udp(line)).Message;

    public static TcpJob Tcp(string line) => TcpJob.Parse(Split(line));

    /// <summary>The message of the UsageException that parsing the line throws.</summary>
    public static string TcpError(string line) => Assert.Throws<UsageException>(() => Tcp(line)).Message;
}
