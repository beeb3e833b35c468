using System.Text.Json;
using Flowgen.Contract;
using Flowgen.Control;
using Flowgen.Engine;
using Flowgen.Interop;
using static Flowgen.Tests.Unit.Agent.AgentJobs;

namespace Flowgen.Tests.Unit.Agent;

public class AgentReportTests
{
    private static readonly GeneratorCounters Counters = new(
        Attempted: 1300, Sent: 1000, Dropped: 200, RedirectErrors: 100,
        RedirectErrorsByErrno: new Dictionary<int, long> { [Errno.EOPNOTSUPP] = 60, [Errno.ENETDOWN] = 40 },
        PerCpu: [new CpuCounters(0, 700, 600, 50, 50), new CpuCounters(3, 600, 400, 150, 50)]);

    private static readonly JobSnapshot Snapshot = new(
        AgentState.Running, null, DateTimeOffset.Parse("2030-01-02T03:04:05Z"), DateTimeOffset.Parse("2030-01-02T03:04:05.0001Z"), null,
        UdpFigures.From(Counters, Job.FrameSize));

    [Fact]
    public void Status_names_the_job_and_carries_its_totals_with_errors_by_errno_name()
    {
        AgentStatus status = AgentReport.Status(Job, "udp-blast", Snapshot, new AgentRates(1e6, 512e6));

        Assert.Equal(AgentState.Running, status.State);
        Assert.Equal("udp-blast", status.Flow);
        Assert.Equal("veth-gen", status.Interface);
        Assert.Equal("udp", status.Mode);
        Assert.Equal(Job.ToString(), status.Job);
        Assert.Equal(Snapshot.StartAt, status.StartAt);
        Assert.Equal(new AgentTotals(1000, 200, 100, 1300, 1000 * Job.FrameSize, status.Totals.ErrorsByReason), status.Totals);
        Assert.Equal(new Dictionary<string, long> { ["EOPNOTSUPP"] = 60, ["ENETDOWN"] = 40 }, status.Totals.ErrorsByReason);
        Assert.Equal([new AgentThreadFigures(0, 600, 50, 50, 700), new AgentThreadFigures(3, 400, 150, 50, 600)], status.Threads);
    }

    [Fact]
    public void Status_json_is_camel_case_with_state_names()
    {
        AgentStatus status = AgentReport.Status(Job, null, Snapshot, AgentRates.Zero);

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(status, ContractJson.Options));

        Assert.Equal("Running", json.RootElement.GetProperty("state").GetString());
        Assert.Equal(1000, json.RootElement.GetProperty("totals").GetProperty("sent").GetInt64());
        Assert.Equal(60, json.RootElement.GetProperty("totals").GetProperty("errorsByReason").GetProperty("EOPNOTSUPP").GetInt64());
        Assert.False(json.RootElement.TryGetProperty("flow", out _));
    }

    [Fact]
    public void Totals_without_the_tcp_fields_read_as_nothing_resent_or_acknowledged()
    {
        const string totals = """{"sent":5,"dropped":0,"errors":0,"attempted":5,"bytesSent":320,"errorsByReason":{}}""";

        AgentTotals read = JsonSerializer.Deserialize<AgentTotals>(totals, ContractJson.Options)!;

        Assert.Equal((5L, 0L, 0L), (read.Sent, read.Resent, read.BytesAcknowledged));
    }

    [Fact]
    public void Udp_totals_have_nothing_resent_or_acknowledged()
    {
        AgentStatus status = AgentReport.Status(Job, null, Snapshot, AgentRates.Zero);

        Assert.Equal(0, status.Totals.Resent);
        Assert.Equal(0, status.Totals.BytesAcknowledged);
    }

    [Fact]
    public void Tcp_status_has_mode_tcp_and_its_stream_totals_in_camel_case()
    {
        var job = TcpJob.Parse(["-i", "veth-gen", "--bytes", "20M", "198.18.0.2"]);
        var figures = new JobFigures(AgentTotals.Zero with { Sent = 120, Attempted = 120, BytesSent = 120 * 1518, Resent = 20, BytesAcknowledged = 144_800 }, []);

        AgentStatus status = AgentReport.Status(job, "tcp-stream", Snapshot with { Figures = figures }, AgentRates.Zero);
        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(status, ContractJson.Options));

        Assert.Equal("tcp", status.Mode);
        Assert.Equal("veth-gen", status.Interface);
        Assert.Equal(job.ToString(), status.Job);
        JsonElement totals = json.RootElement.GetProperty("totals");
        Assert.Equal(20, totals.GetProperty("resent").GetInt64());
        Assert.Equal(144_800, totals.GetProperty("bytesAcknowledged").GetInt64());
        AgentTotals read = JsonSerializer.Deserialize<AgentStatus>(json.RootElement.GetRawText(), ContractJson.Options)!.Totals;
        Assert.Equal((20L, 144_800L), (read.Resent, read.BytesAcknowledged));
    }
}
