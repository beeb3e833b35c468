namespace Flowgen.Contract;

/// <summary>An option with its value (null for a flag), or a positional argument (Option is null).</summary>
public readonly record struct ParsedArgument(OptionSpec? Option, string? Value);

/// <summary>
/// Splits a GNU-style command line into options and positionals: <c>-n 5</c>, <c>-n5</c>,
/// <c>--num-packets 5</c>, <c>--num-packets=5</c>, bundled short flags, <c>--</c> ends the
/// options and a lone <c>-</c> is a positional. It checks names, not values.
/// </summary>
public sealed class ArgumentReader
{
    private readonly string command;
    private readonly Dictionary<string, OptionSpec> byLong = new(StringComparer.Ordinal);
    private readonly Dictionary<char, OptionSpec> byShort = [];

    /// <param name="command">The command as typed after <c>flowgen</c>, for the pointer to its help.</param>
    /// <param name="options">Every option the command takes.</param>
    public ArgumentReader(string command, IEnumerable<OptionSpec> options)
    {
        this.command = command;
        foreach (var option in options)
        {
            byLong.Add(option.Long, option);
            if (option.Short is { } letter)
            {
                byShort.Add(letter, option);
            }
        }
    }

    /// <summary>The arguments in the order given. Each option may appear once.</summary>
    public IReadOnlyList<ParsedArgument> Read(IReadOnlyList<string> args)
    {
        var parsed = new List<ParsedArgument>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                parsed.AddRange(args.Skip(i + 1).Select(rest => new ParsedArgument(null, rest)));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                i = ReadLong(args, i, parsed);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                i = ReadShortCluster(args, i, parsed);
            }
            else
            {
                parsed.Add(new ParsedArgument(null, arg));
            }
        }

        var repeated = parsed.Select(p => p.Option).OfType<OptionSpec>().CountBy(o => o).FirstOrDefault(c => c.Value > 1);
        return repeated.Key is { } option
            ? throw new UsageException($"option {option.DisplayName} is given more than once")
            : parsed;
    }

    /// <returns>The index of the last argument consumed.</returns>
    private int ReadLong(IReadOnlyList<string> args, int i, List<ParsedArgument> parsed)
    {
        var body = args[i][2..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? body : body[..equals];
        var inline = equals < 0 ? null : body[(equals + 1)..];

        // Exact names only: GNU's unique-prefix matching would make every new option a breaking change.
        if (!byLong.TryGetValue(name, out var option))
        {
            throw Unknown($"--{name}");
        }

        if (!option.TakesValue)
        {
            if (inline is not null)
            {
                throw new UsageException($"option --{name} takes no value");
            }

            parsed.Add(new ParsedArgument(option, null));
            return i;
        }

        if (inline is not null)
        {
            parsed.Add(new ParsedArgument(option, inline));
            return i;
        }

        parsed.Add(new ParsedArgument(option, ValueAfter(args, i, $"--{name}", option)));
        return i + 1;
    }

    /// <returns>The index of the last argument consumed.</returns>
    private int ReadShortCluster(IReadOnlyList<string> args, int i, List<ParsedArgument> parsed)
    {
        var cluster = args[i];
        for (var at = 1; at < cluster.Length; at++)
        {
            if (!byShort.TryGetValue(cluster[at], out var option))
            {
                throw Unknown($"-{cluster[at]}");
            }

            if (!option.TakesValue)
            {
                parsed.Add(new ParsedArgument(option, null));
                continue;
            }

            if (at + 1 < cluster.Length)
            {
                parsed.Add(new ParsedArgument(option, cluster[(at + 1)..]));
                return i;
            }

            parsed.Add(new ParsedArgument(option, ValueAfter(args, i, $"-{cluster[at]}", option)));
            return i + 1;
        }

        return i;
    }

    private static string ValueAfter(IReadOnlyList<string> args, int i, string typed, OptionSpec option) =>
        i + 1 < args.Count
            ? args[i + 1]
            : throw new UsageException($"option {typed} needs a value ({option.Metavar})");

    private UsageException Unknown(string typed) =>
        new($"unknown option '{typed}'; see 'flowgen {command} --help'");
}
