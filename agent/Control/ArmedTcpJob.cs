using Flowgen.Contract;
using Flowgen.Engine;
using Flowgen.Engine.Tcp;
using Flowgen.Interop.Tcp;

namespace Flowgen.Control;

/// <summary>
/// A TCP job armed: its ingress program attached and every connection made by the kernel and
/// taken over, so a refused or unreachable receiver fails the job before it is Armed. Running
/// streams the data, then closes each flow with the FIN exchange. Disposing drops the frozen
/// sockets silently and detaches everything.
/// </summary>
internal sealed class ArmedTcpJob : IArmedJob
{
    private readonly TcpProgram _program;
    private readonly IReadOnlyList<TakenOverFlow> _flows;
    private readonly IReadOnlyList<TcpFlowLayout> _layout;
    private readonly TcpStream _stream;
    private readonly TcpClosing _closing;

    private ArmedTcpJob(PreparedTcpJob prepared, TcpProgram program, IReadOnlyList<TakenOverFlow> flows)
    {
        _program = program;
        _flows = flows;
        _layout = [.. flows.Select(f => TcpFlowLayout.Of(f, prepared.Cpus[f.Index]))];
        _stream = new TcpStream(program, flows, prepared.Cpus, prepared.Job.BatchSize, prepared.Job.Duration);
        _closing = new TcpClosing(program, prepared.Interface.Index);
        TcpNegotiation first = flows[0].Negotiation;
        Summary = $"{prepared.Source} -> {prepared.Remote} on {prepared.Interface.Name}, {flows.Count} connection(s) taken over " +
            $"(local port {string.Join(", ", flows.Select(f => f.Spec.SourcePort))}), {flows[0].RecordSize}-byte records, " +
            $"timestamps {OnOff(first.Timestamps)}, SACK {OnOff(first.Sack)}, " +
            $"sending thread(s) on CPU {ValueFormat.CpuList([.. prepared.Cpus.Distinct().Order()])}";
    }

    public string Summary { get; }

    /// <summary>Resolves the job, attaches its ingress program and has the kernel connect each flow, then takes them over.</summary>
    /// <exception cref="TcpConnectException">A connection was refused, timed out or is unreachable.</exception>
    public static Task<IArmedJob> ArmAsync(TcpJob job, CancellationToken ct) =>
        // connect() blocks: off the caller's thread, which serves the agent's lifetime.
        Task.Run(() => ArmOnThisThreadAsync(job, ct), ct);

    private static async Task<IArmedJob> ArmOnThisThreadAsync(TcpJob job, CancellationToken ct)
    {
        PreparedTcpJob prepared = TcpJobPreparation.Prepare(job);
        TcpProgram program = TcpProgram.Attach(prepared.Interface);
        var flows = new List<TakenOverFlow>();
        try
        {
            for (int i = 0; i < job.Flows; i++)
            {
                int index = i;
                flows.Add(await TcpHandover.TakeOverAsync(
                    program, prepared, index, recordSize => TcpFlowShares.Segments(job, index, recordSize), ct));
            }
            return new ArmedTcpJob(prepared, program, flows);
        }
        catch
        {
            Release(flows, program);
            throw;
        }
    }

    public JobFigures ReadFigures() => TcpFigures.From(_stream.ReadCounters(), _layout);

    public async Task<JobOutcome> RunAsync()
    {
        TcpStreamOutcome streamed = await _stream.RunAsync();
        bool finished = streamed.Result is RunResult.Completed or RunResult.Stopped;
        bool clean = finished && _flows.Select(_closing.Close).ToList().All(closed => closed);
        string? reason = streamed.Reason
            ?? (finished && !clean ? "all data was acknowledged, but the receiver did not complete the FIN exchange" : null);
        return new JobOutcome(streamed.Result, ReadFigures(), reason);
    }

    /// <summary>No new data from now on; the run ends once what is in flight is acknowledged and the flows are closed.</summary>
    public void Stop() => _stream.Stop();

    public void Dispose()
    {
        _closing.Dispose();
        Release(_flows, _program);
    }

    // Frozen sockets close silently; the flows' map entries go with the program.
    private static void Release(IEnumerable<TakenOverFlow> flows, TcpProgram program)
    {
        foreach (TakenOverFlow flow in flows)
            flow.Dispose();
        program.Dispose();
    }

    private static string OnOff(bool on) => on ? "on" : "off";
}
