using System.Globalization;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Probes;

/// <summary>
/// <c>flowgen udp --latency</c> on the veth bed with <c>flowgen reflect</c> at the far end: every raw
/// round trip the generator logged has send ≤ reflect ≤ return (one machine, one clock), there is one
/// per probe the reflector turned back, each is under 10 ms, and the summary agrees with the log.
/// With <c>--vlan</c> the reflector keeps the 802.1Q tag and the return path reads behind it.
/// </summary>
public sealed class LatencyRunTests
{
    const int Count = 20_000;
    static readonly long TenMillisecondsNs = 10_000_000;

    [SkippableTheory]
    [InlineData(IpVersion.IPv4)]
    [InlineData(IpVersion.IPv6)]
    [InlineData(IpVersion.IPv4, "100")]
    [InlineData(IpVersion.IPv6, "100")]
    public async Task Every_reflected_probe_comes_back_as_one_ordered_sample_under_10_ms(IpVersion version, string? vlan = null)
    {
        KernelRequirement.EnsureRoot();
        await CleanBed.RunAsync(async bed =>
        {
            string log = Path.Combine(Path.GetTempPath(), $"flowgen-latency-{Environment.ProcessId}-{version}-{vlan}.csv");
            string[] tag = vlan is null ? [] : ["--vlan", vlan];
            try
            {
                await using var reflector = await RunningReflector.StartAsync(bed);
                var run = await UdpGenerator.RunAsync(bed, version, ["--latency", "--latency-log", log, "-s", "128",
                    "-n", Count.ToString(CultureInfo.InvariantCulture), .. tag]);
                long reflected = await reflector.StopAsync();
                Assert.True(run.Summary.Result == "completed", run.Describe());

                var samples = File.ReadLines(log).Skip(1).Select(line => line.Split(',').Select(ulong.Parse).ToArray()).ToList();
                Assert.InRange(reflected, 1, run.Summary.Sent);
                // Every probe comes back: the generator rewrites the probe's constant fields too, which
                // the reflector changes in the very page the live-frames pool recycles (veth).
                Assert.True(reflected >= run.Summary.Sent * 99 / 100, $"only {reflected} of {run.Summary.Sent} probes were reflected\n{run.Describe()}");
                Assert.Equal(reflected, samples.Count);
                Assert.All(samples, s => Assert.True(s[3] <= s[4] && s[4] <= s[5], $"times out of order: {string.Join(',', s)}"));
                Assert.All(samples, s => Assert.True((long)(s[5] - s[3]) < TenMillisecondsNs, $"a round trip of {(s[5] - s[3]) / 1e3} µs"));
                Assert.Equal(samples.Count, samples.Select(s => (s[0], s[1], s[2])).Distinct().Count());

                var latency = JsonEvent.Single(run.Process.StdoutLines, "summary", run.Describe()).GetProperty("latency");
                Assert.Equal(samples.Count, latency.Integer("samples"));
                Assert.Equal(0, latency.Integer("outOfOrder"));
                var rttsUs = samples.Select(s => (s[5] - s[3]) / 1e3).ToList();
                Assert.Equal(rttsUs.Min(), latency.Number("minUs"), 3);
                Assert.Equal(rttsUs.Max(), latency.Number("maxUs"), 3);
                Assert.InRange(latency.Number("p50Us"), latency.Number("minUs"), latency.Number("maxUs"));
            }
            finally
            {
                File.Delete(log);
            }
        });
    }
}
