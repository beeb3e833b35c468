using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Control;

/// <summary>A UDP job prepared by the engine, with its generator program loaded.</summary>
internal sealed class ArmedUdpJob : IArmedJob
{
    private readonly GeneratorProgram _program;
    private readonly LatencyReceiver? _latency;
    private readonly LiveFramesGenerator _generator;
    private readonly PreparedUdpJob _prepared;
    private volatile SendRate? _rate;

    private ArmedUdpJob(PreparedUdpJob prepared, GeneratorProgram program, LatencyReceiver? latency)
    {
        _program = program;
        _latency = latency;
        _generator = new LiveFramesGenerator(program, prepared.Template.Frame, prepared.Settings);
        _prepared = prepared;
        _rate = prepared.Job.Rate;
        var job = prepared.Job;
        string sizes = job.SizeMix is { } mix ? $"frames of {mix}" : $"{job.FrameSize}-byte frames";
        Summary = $"{AddressRange.Format(prepared.Source, job.SourceCount)} -> {AddressRange.Format(job.Destination, job.DestinationCount)} " +
            $"(to {ValueFormat.Mac(prepared.DestinationMac)}) on {prepared.Interface.Name}, {sizes}, {job.FlowCount} flow(s), " +
            $"{prepared.Settings.Cpus.Count} thread(s) on CPU {ValueFormat.CpuList(prepared.Settings.Cpus)}" +
            string.Concat(prepared.Notes.Select(note => $"; note: {note}"));
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

    public JobFigures ReadFigures() => Figures(_generator.ReadCounters(), _latency?.ReadHistogram());

    private JobFigures Figures(GeneratorCounters counters, LatencyHistogram? latency) =>
        UdpFigures.From(counters, _prepared.MeanWireSize(counters.FramesBySizeClass), latency, _rate, FramesBySize(counters));

    /// <summary>The job's sizes in the program's class order; a template sent untouched counts no frames per size.</summary>
    private SizeClassFrames[] FramesBySize(GeneratorCounters counters) =>
        [.. _prepared.SizeClasses.Select((c, i) => new SizeClassFrames(c.Size.WireSize, c.Weight, counters.FramesBySizeClass.ElementAtOrDefault(i)))];

    public async Task<JobOutcome> RunAsync()
    {
        RunOutcome outcome = await _generator.RunAsync();
        LatencyHistogram? latency = _latency is null ? null : await LatencyCollection.SettleAsync(_latency);
        return new JobOutcome(outcome.Result, Figures(outcome.Counters, latency), outcome.Reason);
    }

    public Verdict ChangeRate(SendRate rate)
    {
        if (!_generator.IsPaced)
            return Verdict.Refused("the job was started without --rate, so it does not pace its frames; start it with a --rate to change it later");
        rate.CheckAtLeastMinimum((int)Math.Round(_prepared.MeanWireSize([])), "rate");
        _generator.ChangeRate(rate);
        _rate = rate;
        return Verdict.Accepted;
    }

    public void Stop() => _generator.Stop();

    public void Dispose()
    {
        _latency?.Dispose();
        _program.Dispose();
    }
}
