namespace Flowgen.Contract;

/// <summary>A command line read against a job's option table: the job, its one positional argument and the options given.</summary>
internal sealed record JobArguments<TJob>(TJob Job, string? Positional, IReadOnlySet<OptionSpec> Given);

/// <summary>Reading and canonical rendering of a job's command line from its option table.</summary>
internal static class JobCommandLine
{
    /// <summary>Applies each option to <paramref name="seed"/> in order; at most one positional argument.</summary>
    /// <param name="positionalName">How the messages name the positional argument, e.g. IFACE.</param>
    /// <exception cref="UsageException">An unknown option, a bad value or a second positional argument.</exception>
    public static JobArguments<TJob> Read<TJob>(
        ArgumentReader reader, Func<OptionSpec, JobOption<TJob>> row, IReadOnlyList<string> args, TJob seed, string positionalName)
    {
        var job = seed;
        string? positional = null;
        var given = new HashSet<OptionSpec>();
        foreach (var (option, value) in reader.Read(args))
        {
            if (option is null)
            {
                positional = positional is null
                    ? value ?? ""
                    : throw new UsageException(
                        $"unexpected argument '{value}': {positionalName} is the only positional argument");
                continue;
            }

            given.Add(option);
            job = row(option).Apply(job, value ?? "", option.DisplayName);
        }

        return new JobArguments<TJob>(job, positional, given);
    }

    /// <summary>Long options in table order, only those off their default, then the positional argument.</summary>
    public static IReadOnlyList<string> Render<TJob>(IEnumerable<JobOption<TJob>> table, TJob job, string positional)
    {
        var args = new List<string>();
        foreach (var option in table)
        {
            if (option.Render(job) is { } value)
            {
                args.Add($"--{option.Spec.Long}");
                if (option.Spec.TakesValue)
                {
                    args.Add(value);
                }
            }
        }

        if (positional.StartsWith('-'))
        {
            args.Add("--");
        }

        args.Add(positional);
        return args;
    }
}
