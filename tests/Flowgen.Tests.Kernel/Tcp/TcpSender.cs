using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Tcp;

/// <summary>A finished <c>flowgen tcp --json</c> run.</summary>
public sealed record TcpRun(ProcessResult Process)
{
    public TcpSummary Summary => TcpSummary.Parse(Process.StdoutLines, Process.Describe());

    public string Describe() => Process.Describe();
}

/// <summary><c>flowgen tcp --json -i veth-gen [options] HOST</c> in the bed's generator namespace.</summary>
public static class TcpSender
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static FlowgenProcess Start(IGeneratorSinkBed bed, string host, params string[] options) =>
        FlowgenProcess.Start(bed.GeneratorNamespace, Arguments(bed, host, options));

    public static async Task<TcpRun> RunAsync(IGeneratorSinkBed bed, string host, params string[] options) =>
        new(await FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience, Arguments(bed, host, options)));

    /// <summary>The receiver's port, for <c>-p</c>.</summary>
    public static string Port(TcpPatternReceiver receiver) => receiver.EndPoint.Port.ToString(CultureInfo.InvariantCulture);

    static string[] Arguments(IGeneratorSinkBed bed, string host, string[] options) =>
        ["tcp", "--json", "-i", bed.GeneratorInterface, .. options, host];
}
