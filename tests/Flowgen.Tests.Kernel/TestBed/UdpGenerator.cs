using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>A finished <c>flowgen udp --json</c> run: how it ended and its summary.</summary>
public sealed record UdpRun(ProcessResult Process, UdpSummary Summary)
{
    public string Describe() => Process.Describe();
}

/// <summary><c>flowgen udp --json -a SINK [options] veth-gen</c> in the bed's generator namespace.</summary>
public static class UdpGenerator
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static FlowgenProcess Start(IGeneratorSinkBed bed, IpVersion version, params string[] options) =>
        FlowgenProcess.Start(bed.GeneratorNamespace, Arguments(bed, version, options));

    /// <summary>Runs to its end; every call must bound the run with -n or --duration.</summary>
    public static async Task<UdpRun> RunAsync(IGeneratorSinkBed bed, IpVersion version, params string[] options)
    {
        if (!options.Contains("-n") && !options.Contains("--duration"))
            throw new ArgumentException("a run to completion needs -n or --duration", nameof(options));
        var result = await FlowgenProcess.RunAsync(bed.GeneratorNamespace, Patience, Arguments(bed, version, options));
        return new UdpRun(result, UdpSummary.Parse(result.StdoutLines, result.Describe()));
    }

    /// <summary>To the sink's address unless the options give their own -a.</summary>
    static string[] Arguments(IGeneratorSinkBed bed, IpVersion version, string[] options) =>
        ["udp", "--json", .. options.Contains("-a") ? [] : new[] { "-a", bed.SinkAddress(version).ToString() }, .. options, bed.GeneratorInterface];
}
