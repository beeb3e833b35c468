namespace Flowgen.Contract;

/// <summary>
/// One row of a job's option table: its spelling and help (<see cref="Spec"/>), how its value
/// lands in a job (<see cref="Apply"/>: job, text, option name → job), and how a job renders it
/// back (<see cref="Render"/>: null when the job leaves it at its default).
/// </summary>
internal sealed record JobOption<TJob>(OptionSpec Spec, Func<TJob, string, string, TJob> Apply, Func<TJob, string?> Render);
