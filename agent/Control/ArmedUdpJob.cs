using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>A UDP job prepared by the engine, with its generator program loaded.</summary>
internal sealed class ArmedUdpJob : IArmedJob
{
    private readonly GeneratorProgram _program;
    private readonly LatencyReceiver? _latency;
    private readonly LiveFramesGenerator _generator;
    private readonly int _frameSize;

    private ArmedUdpJob(PreparedUdpJob prepared, GeneratorProgram program, LatencyReceiver? latency)
    {
        _program = program;
        _latency = latency;
        _generator = new LiveFramesGenerator(program, prepared.Template.Frame, prepared.Settings);
        _frameSize = prepared.Job.FrameSize;
        Summary = $"{prepared.Source} -> {prepared.Job.Destination} (to {ValueFormat.Mac(prepared.DestinationMac)}) " +
            $"on {prepared.Interface.Name}, {prepared.Job.FrameSize}-byte frames, " +
            $"{prepared.Settings.Cpus.Count} thread(s) on CPU {ValueFormat.CpuList(prepared.Settings.Cpus)}";
    }

    public string Summary { get; }

    /// <summary>Resolves and checks everything the job needs, then loads its program.</summary>
    public static async Task<IArmedJob> ArmAsync(UdpJob job, CancellationToken ct)
    {
        PreparedUdpJob prepared = await UdpJobPreparation.PrepareAsync(job, ct);
        var program = GeneratorProgram.Load(GeneratorProgramKind.Udp, prepared.BpfConfig);
        try
        {
            // Attached while armed: a reflector's returns find it before the first frame leaves.
            LatencyReceiver? latency = job.Latency ? LatencyReceiver.Attach(prepared.Interface) : null;
            return new ArmedUdpJob(prepared, program, latency);
        }
        catch
        {
            program.Dispose();
            throw;
        }
    }

    public JobFigures ReadFigures() => UdpFigures.From(_generator.ReadCounters(), _frameSize, _latency?.ReadHistogram());

    public async Task<JobOutcome> RunAsync()
    {
        RunOutcome outcome = await _generator.RunAsync();
        LatencyHistogram? latency = _latency is null ? null : await LatencyCollection.SettleAsync(_latency);
        return new JobOutcome(outcome.Result, UdpFigures.From(outcome.Counters, _frameSize, latency), outcome.Reason);
    }

    public void Stop() => _generator.Stop();

    public void Dispose()
    {
        _latency?.Dispose();
        _program.Dispose();
    }
}
