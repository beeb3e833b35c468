namespace Flowgen.Contract;

/// <summary>
/// The option rows every sending job (udp, tcp) has in common — limit by time, CPUs, batch,
/// statistics interval, JSON, help — built for a job type from its property's getter and setter.
/// </summary>
internal static class SharedJobOptions
{
    /// <summary>The kernel's live-frames batch: NAPI_POLL_WEIGHT by default, TEST_XDP_MAX_BATCH (256) at most.</summary>
    public const int DefaultBatchSize = 64;

    public const int MaxBatchSize = 256;

    public static TimeSpan DefaultInterval => TimeSpan.FromSeconds(1);

    public static JobOption<TJob> Duration<TJob>(Func<TJob, TimeSpan?> get, Func<TJob, TimeSpan, TJob> set) => new(
        new("duration", null, "TIME", "stop after TIME, e.g. 30s, 5m, 1h", "no limit"),
        (job, text, name) => set(job, ValueParsers.Duration(text, name)),
        job => get(job) is { } duration ? ValueFormat.Duration(duration) : null);

    public static JobOption<TJob> Cpus<TJob>(
        string description, Func<TJob, IReadOnlyList<int>?> get, Func<TJob, IReadOnlyList<int>, TJob> set) => new(
        new("cpus", null, "LIST", description),
        (job, text, name) => set(job, ValueParsers.CpuList(text, name)),
        job => get(job) is { } cpus ? ValueFormat.CpuList(cpus) : null);

    public static JobOption<TJob> BatchSize<TJob>(Func<TJob, int> get, Func<TJob, int, TJob> set) => new(
        new("batch-size", null, "N", $"frames per kernel batch, 1 to {MaxBatchSize}", ValueFormat.Integer(DefaultBatchSize)),
        (job, text, name) => set(job, ValueParsers.Integer(text, name, 1, MaxBatchSize)),
        job => get(job) == DefaultBatchSize ? null : ValueFormat.Integer(get(job)));

    public static JobOption<TJob> Interval<TJob>(Func<TJob, TimeSpan> get, Func<TJob, TimeSpan, TJob> set) => new(
        new("interval", 'I', "TIME", "print statistics every TIME", ValueFormat.Duration(DefaultInterval)),
        (job, text, name) => set(job, ValueParsers.Duration(text, name)),
        job => get(job) == DefaultInterval ? null : ValueFormat.Duration(get(job)));

    public static JobOption<TJob> Json<TJob>(Func<TJob, bool> get, Func<TJob, TJob> set) => new(
        new("json", null, null, "print statistics as JSON"),
        (job, _, _) => set(job),
        job => get(job) ? "" : null);

    /// <summary>-h/--help: read by RequestsHelp, refused inside a job.</summary>
    public static JobOption<TJob> Help<TJob>(string command) => new(
        OptionSpec.Help,
        (_, _, _) => throw new UsageException($"-h/--help is not part of a job; run 'flowgen {command} --help' on its own"),
        _ => null);

    /// <summary>
    /// A CPU list from code (the operator) that the command line would not produce: too many
    /// entries, or not strictly ascending.
    /// </summary>
    /// <exception cref="UsageException">The list breaks a rule; the message says which.</exception>
    public static void CheckCpus(IReadOnlyList<int> cpus, int maxThreads)
    {
        if (cpus.Count > maxThreads)
        {
            throw new UsageException(
                $"--cpus lists {cpus.Count} CPUs, one thread each, but at most {maxThreads} threads are allowed");
        }

        if (cpus.Zip(cpus.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new UsageException($"--cpus {ValueFormat.CpuList(cpus)} must name each CPU once, in ascending order");
        }
    }
}
