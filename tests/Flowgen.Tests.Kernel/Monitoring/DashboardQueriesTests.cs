using System.Globalization;
using Flowgen.Tests.Kernel.Agent;
using Flowgen.Tests.Kernel.TestBed;
using Flowgen.Tests.Kernel.TestBed.Reports;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// The Grafana dashboard against a real Prometheus scraping three real agents — on the veth bed a UDP job
/// sending IMIX into a dropping sink and a TCP job to a Linux receiver, at the same time: the UDP job
/// attaches nothing to the generator's veth, the TCP job its ingress program, and the sink drops only UDP
/// (it verifies the probes of a paced stamping `flowgen udp` and serves its metrics, for the loss and ordering row);
/// on a second bed a paced UDP --latency job whose probes a flowgen reflect turns back (its return-path
/// program needs that bed's generator veth, the reflector its sink veth) — and a real operator
/// (reconciling a TrafficFlow on the API emulator), each with the labels a PodMonitor adds.
/// </summary>
public sealed class DashboardQueriesTests
{
    // What the PodMonitor's relabelings would give the agent pod's series; the flow name has a regex metacharacter.
    const string AgentNamespace = "flowgen-dash";
    const string Flow = "dash.flow-1";
    const string TcpFlow = "dash.tcp-1";
    const string LatencyFlow = "dash.rtt-1";
    // Paced, so that three jobs share the machine's CPUs; frames large enough for a probe; tagged, which
    // the reflector keeps and the return path reads behind (and the job shape table shows).
    const string Vlan = "100";
    static readonly string[] LatencyJob = ["--latency", "-s", "128", "--rate", "20000", "--vlan", Vlan];
    // Probes for the verifying sink; the test stops it, the duration only bounds it.
    static readonly string[] StampedRun = ["--stamp", "-s", "128", "--rate", "20000", "--duration", "120s"];
    const string SinkPod = "flowgen-sink-dash-0";
    // The sizes of -s imix on the bed's veth (MTU 1500) and of the latency job, as the size label has them.
    static readonly string[] ImixSizes = ["1518", "594", "64"];
    const string Node = "dash-node-1";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan RunBeforeQueries = TimeSpan.FromSeconds(8);
    // Bounds that outlast the test: the test stops the TCP job itself.
    const string TcpDuration = "120s";
    static readonly TimeSpan ReceiverDeadline = TimeSpan.FromSeconds(180);
    // Each agent's own series, scraped after RunBeforeQueries.
    static readonly string[] RunningMetrics =
        [$"{BedAgent.SentMetric}{{mode=\"udp\"}}", "flowgen_tcp_bytes_acknowledged_total", "flowgen_latency_rtt_seconds_count",
         "flowgen_sink_probes_received_total"];
    // Grafana's $__rate_interval is at least four scrape intervals.
    static readonly TimeSpan RateInterval = 4 * PrometheusServer.ScrapeInterval;

    [SkippableFact]
    public async Task Every_dashboard_query_returns_data_from_a_running_agent_and_operator()
    {
        KernelRequirement.EnsureRoot();
        var dashboard = GrafanaDashboard.Load();
        Assert.All(dashboard.Panels, panel => Assert.True(
            panel.Title.Length > 0 && (string?)panel.Datasource?["uid"] == "${datasource}" && panel.Targets.Count > 0
                && panel.Targets.All(t => t.Expr.Length > 0 && (string?)t.Datasource?["uid"] == "${datasource}"),
            $"panel \"{panel.Title}\" needs a title, the ${{datasource}} data source and targets with expressions"));
        await CleanBed.RunAsync(async bed => await CleanBed.RunAsync(async latencyBed =>
        {
            await using var sink = await RunningSink.StartAsync(bed, verify: true, metrics: true);
            await using var receiver = TcpPatternReceiver.Start(bed.SinkNamespace, bed.SinkIPv4, 0, 1, () => new TcpPatternVerifier(), ReceiverDeadline);
            // With a rate far above what it reaches, so that the rate panel's target series exist too.
            await using var agent = await BedAgent.StartArmedForFlowAsync(bed, Flow, "--rate", "100M", "-s", "imix");
            await using var tcpAgent = await BedAgent.StartArmedTcpAsync(bed, TcpFlow,
                "--duration", TcpDuration, "-p", receiver.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
            await using var reflector = await RunningReflector.StartAsync(latencyBed);
            await using var latencyAgent = await BedAgent.StartArmedForFlowAsync(latencyBed, LatencyFlow, LatencyJob);
            // Prometheus runs on the first bed: it reaches the second bed's agent through a forwarder.
            await using var latencyAgentPort = LoopbackForwarder.Start(bed.GeneratorNamespace, latencyAgent.Port, latencyBed.GeneratorNamespace);
            await using var sinkPort = LoopbackForwarder.Start(bed.GeneratorNamespace, sink.MetricsPort!.Value, bed.SinkNamespace);
            await using var flowOperator = await OperatorUnderTest.StartAsync(bed.GeneratorNamespace, Node);
            // Prometheus wants one job per scrape config; a PodMonitor would give all agent pods the same one.
            await using var prometheus = await PrometheusServer.StartAsync(bed.GeneratorNamespace,
                [PodTarget("flowgen-agents", agent.Port, AgentNamespace, "flowgen-agent-dash-0", "agent"),
                 PodTarget("flowgen-agents-tcp", tcpAgent.Port, AgentNamespace, "flowgen-agent-dash-tcp-0", "agent"),
                 PodTarget("flowgen-agents-rtt", latencyAgentPort.Port, AgentNamespace, "flowgen-agent-dash-rtt-0", "agent"),
                 PodTarget("flowgen-sinks", sinkPort.Port, AgentNamespace, SinkPod, "sink"),
                 PodTarget("flowgen-operator", flowOperator.Port, "flowgen-system", "flowgen-operator-0", "operator")]);
            var from = DateTimeOffset.UtcNow;
            await prometheus.WaitForSamplesAsync("flowgen_operator_leader == 1", Patience);
            await flowOperator.CreateFlowAsync("dash-flow", Node);
            await prometheus.WaitForSamplesAsync("flowgen_operator_flows", Patience);
            await agent.StartAsync();
            await tcpAgent.StartAsync();
            await latencyAgent.StartAsync();
            await using var stamped = UdpGenerator.Start(bed, IpVersion.IPv4, StampedRun);
            var runUntil = DateTimeOffset.UtcNow + RunBeforeQueries;
            var to = (await Task.WhenAll(RunningMetrics.Select(m => prometheus.WaitForScrapeAfterAsync(m, runUntil, Patience)))).Max();

            var query = new DashboardQuery(prometheus, from, to, PrometheusServer.ScrapeInterval);
            var variables = Variables(to - from);
            var results = await QueryEveryTargetAsync(dashboard, variables, query);
            var labelValues = new List<(LabelValuesVariable Variable, IReadOnlyList<string> Values)>();
            foreach (var variable in dashboard.LabelValuesVariables)
                labelValues.Add((variable, await prometheus.LabelValuesAsync(variable.Label, variables.Substitute(variable.Selector))));
            var typo = results[0].Expr.Replace("_total", "_totl", StringComparison.Ordinal);
            var typoSeries = await query.SeriesWithDataAsync(typo, results[0].Target.Instant);
            var scrapeTargets = await prometheus.TargetsAsync();
            await agent.StopAsync();
            await tcpAgent.StopAsync();
            await latencyAgent.StopAsync();
            long reflected = await reflector.StopAsync();
            stamped.Signal("INT");
            var stampedExit = await stamped.WaitForExitAsync(Patience);
            await sink.StopAsync();
            var verified = SinkVerified.Parse(sink.Process.StdoutLines, sink.Describe());

            Assert.NotEmpty(results);
            var empty = results.Where(r => r.Series.Count == 0).Select(r => $"{r.Panel.Title} [{r.Target.RefId}]: {r.Expr}").ToList();
            Assert.True(empty.Count == 0, $"no data from {from:O} to {to:O}:\n{string.Join('\n', empty)}\n{scrapeTargets}");
            var nodeless = results.Where(r => r.Target.Legend.Contains("{{node}}", StringComparison.Ordinal))
                .SelectMany(r => r.Series.Where(s => s.GetValueOrDefault("node") != Node).Select(s => $"{r.Panel.Title}: {Show(s)}")).ToList();
            Assert.True(nodeless.Count == 0, $"series without node=\"{Node}\" in a panel whose legend names the node:\n{string.Join('\n', nodeless)}");
            // The agents are the only ones: each variable offers exactly their namespace, then their flows.
            Assert.Equal([("namespace", AgentNamespace), ("flow", $"{Flow}, {LatencyFlow}, {TcpFlow}")],
                labelValues.Select(l => (l.Variable.Name, string.Join(", ", l.Values))));
            // Every selected flow makes it through the substituted selectors.
            Assert.Equal([Flow, LatencyFlow, TcpFlow],
                results.SelectMany(r => r.Series).Select(s => s.GetValueOrDefault("flow")).OfType<string>().Distinct().Order(StringComparer.Ordinal));
            // Per flow, the size panels show the sizes each job sends; only the latency job has round trips.
            Assert.Equal([(Flow, string.Join(", ", ImixSizes)), (LatencyFlow, LatencyJob[2])], LabelByFlow(results, "size"));
            Assert.Equal([LatencyFlow], results.Where(r => r.Expr.Contains("flowgen_latency_rtt_seconds", StringComparison.Ordinal))
                .SelectMany(r => r.Series).Select(s => s.GetValueOrDefault("flow")).Distinct());
            Assert.True(reflected > 0, "the reflector turned no probe back");
            // The job shape table: only the tagged job has a vlan (Prometheus drops the others' empty one).
            Assert.Equal([(LatencyFlow, Vlan)], LabelByFlow(results, "vlan"));
            Assert.Equal([(Flow, "imix"), (LatencyFlow, "128")], LabelByFlow(results, "sizes"));
            // The loss and ordering row shows the verifying sink, which followed the stamped run's probes.
            var sinkPanels = results.Where(r => r.Expr.Contains("flowgen_sink_", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sinkPanels);
            Assert.All(sinkPanels.SelectMany(r => r.Series).Where(s => s.ContainsKey("pod")), s => Assert.Equal(SinkPod, s["pod"]));
            Assert.True(stampedExit == 0 && verified.Received > 0,
                $"the stamped run exited {stampedExit}; the sink followed {verified.Flows.Count} sequences and received {verified.Received} probes\n{sink.Describe()}");
            Assert.True(typo != results[0].Expr && typoSeries.Count == 0, $"`{typo}` gave data: the check cannot fail");
        }, new VethTestBedOptions { Variant = 1 }));
    }

    sealed record TargetResult(GrafanaPanel Panel, GrafanaTarget Target, string Expr, IReadOnlyList<IReadOnlyDictionary<string, string>> Series);

    static async Task<List<TargetResult>> QueryEveryTargetAsync(GrafanaDashboard dashboard, GrafanaVariables variables, DashboardQuery query)
    {
        var results = new List<TargetResult>();
        foreach (var panel in dashboard.Panels)
        {
            foreach (var target in panel.Targets)
            {
                var expr = variables.Substitute(target.Expr);
                results.Add(new TargetResult(panel, target, expr, await query.SeriesWithDataAsync(expr, target.Instant)));
            }
        }
        return results;
    }

    /// <summary>The values of <paramref name="label"/> in the series of every panel, by the flow they belong to.</summary>
    static List<(string Flow, string Values)> LabelByFlow(List<TargetResult> results, string label) =>
        [.. results.SelectMany(r => r.Series)
            .Where(s => s.ContainsKey("flow") && s.ContainsKey(label))
            .GroupBy(s => s["flow"], s => s[label])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(", ", g.Distinct().Order(StringComparer.Ordinal))))];

    /// <summary>A scrape target with the labels a PodMonitor's relabelings add.</summary>
    static PrometheusTarget PodTarget(string job, int port, string ns, string pod, string container) =>
        new(job, port, new Dictionary<string, string> { ["namespace"] = ns, ["pod"] = pod, ["node"] = Node, ["container"] = container });

    /// <summary>What Grafana substitutes: one namespace, one flow picked from the multi-value list, the time range's intervals.</summary>
    static GrafanaVariables Variables(TimeSpan range) => new(new Dictionary<string, string>
    {
        ["namespace"] = AgentNamespace,
        ["flow"] = GrafanaVariables.RegexValue(Flow, TcpFlow, LatencyFlow),
        ["__rate_interval"] = Seconds(RateInterval),
        ["__interval"] = Seconds(PrometheusServer.ScrapeInterval),
        ["__range"] = Seconds(range),
    });

    static string Seconds(TimeSpan span) => $"{Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    static string Show(IReadOnlyDictionary<string, string> labels) => $"{{{string.Join(',', labels.Select(p => $"{p.Key}=\"{p.Value}\""))}}}";
}
