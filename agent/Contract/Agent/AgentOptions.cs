using System.Net;

namespace Flowgen.Contract;

/// <summary>
/// `flowgen agent --port P [--bind ADDR] --token-file F [--flow NAME] [--grace TIME] [--log-json]
/// -- udp|tcp …`: the daemon's own options, then its job exactly as on the command line, so that
/// `kubectl describe pod` shows what will be sent. The operator renders these with
/// <see cref="ToArguments"/>; the agent parses them with <see cref="Parse"/>.
/// </summary>
public sealed record AgentOptions
{
    public const string Command = "agent";

    /// <summary>How long finished figures stay served before the agent exits on its own.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(10);

    private static readonly OptionSpec PortOption = new("port", null, "PORT", "control and metrics port (required)");
    private static readonly OptionSpec BindOption = new("bind", null, "ADDR", "address to listen on", "all addresses");
    private static readonly OptionSpec TokenFileOption = new("token-file", null, "FILE", "file holding the bearer token for control requests (required)");
    private static readonly OptionSpec FlowOption = new("flow", null, "NAME", "the TrafficFlow this agent serves (a metrics label)");
    private static readonly OptionSpec GraceOption = new("grace", null, "TIME", "after the job ends, keep serving its figures this long, then exit", "10m");
    private static readonly OptionSpec LogJsonOption = new("log-json", null, null, "write logs as JSON lines");
    private static readonly OptionSpec[] All = [PortOption, BindOption, TokenFileOption, FlowOption, GraceOption, LogJsonOption, OptionSpec.Help];

    /// <summary>The jobs the agent runs, by the word after <c>--</c>, each read as its own command reads it.</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<string>, IGeneratorJob>> Jobs = new()
    {
        [UdpJob.Command] = args => UdpJob.Parse(args),
        [TcpJob.Command] = args => TcpJob.Parse(args),
    };

    public required int Port { get; init; }

    /// <summary>Null: every address.</summary>
    public IPAddress? Bind { get; init; }

    public required string TokenFile { get; init; }

    public string? Flow { get; init; }

    public TimeSpan Grace { get; init; } = DefaultGrace;

    public bool LogJson { get; init; }

    /// <summary>A <see cref="UdpJob"/> or a <see cref="TcpJob"/>.</summary>
    public required IGeneratorJob Job { get; init; }

    public static string Help => HelpFormatter.Format(
        "flowgen agent [options] -- udp|tcp [job options]",
        "Runs one job as a daemon with an HTTP control API (/v1/status, /v1/start, /v1/stop,\n" +
        "/v1/release; bearer token), /healthz, /readyz and Prometheus /metrics. The job is\n" +
        "prepared and armed at once, sent when started, and its final figures are served until\n" +
        "released or the grace period ends.",
        [("-- udp …", "a UDP job, exactly as 'flowgen udp' takes it"),
         ("-- tcp …", "a TCP stream, exactly as 'flowgen tcp' takes it (connected when armed)")],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args)
    {
        int separator = IndexOfSeparator(args);
        return args.Take(separator < 0 ? args.Count : separator).Any(a => a is "-h" or "--help");
    }

    public static AgentOptions Parse(IReadOnlyList<string> args)
    {
        int separator = IndexOfSeparator(args);
        if (separator < 0 || separator == args.Count - 1)
            throw new UsageException("missing job: give it after '--', e.g. 'flowgen agent --port 9100 --token-file F -- udp -a 198.18.0.2 eth0'");
        string[] job = args.Skip(separator + 1).ToArray();
        if (!Jobs.TryGetValue(job[0], out var parseJob))
            throw new UsageException($"unknown job '{job[0]}': the agent runs 'udp' and 'tcp' jobs");

        int? port = null;
        string? tokenFile = null;
        var options = new AgentOptions { Port = 0, TokenFile = string.Empty, Job = parseJob(job.Skip(1).ToArray()) };
        foreach (ParsedArgument arg in new ArgumentReader(Command, All).Read(args.Take(separator).ToArray()))
        {
            string value = arg.Value ?? string.Empty;
            if (arg.Option == PortOption)
                port = ValueParsers.Integer(value, PortOption.DisplayName, 1, ushort.MaxValue);
            else if (arg.Option == BindOption)
                options = options with { Bind = ValueParsers.Address(value, BindOption.DisplayName) };
            else if (arg.Option == TokenFileOption)
                tokenFile = value.Length > 0 ? value : throw new UsageException("--token-file needs a file name");
            else if (arg.Option == FlowOption)
                options = options with { Flow = value };
            else if (arg.Option == GraceOption)
                options = options with { Grace = ValueParsers.Duration(value, GraceOption.DisplayName) };
            else if (arg.Option == LogJsonOption)
                options = options with { LogJson = true };
            else
                throw new UsageException($"unexpected argument '{value}' before '--': see 'flowgen agent --help'");
        }
        return options with
        {
            Port = port ?? throw new UsageException("missing --port"),
            TokenFile = tokenFile ?? throw new UsageException("missing --token-file"),
        };
    }

    /// <summary>The canonical command line after `flowgen`: agent options, `--`, the job.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string> { Command, "--" + PortOption.Long, ValueFormat.Integer(Port) };
        if (Bind is not null)
            args.AddRange(["--" + BindOption.Long, ValueFormat.Address(Bind)]);
        args.AddRange(["--" + TokenFileOption.Long, TokenFile]);
        if (Flow is not null)
            args.AddRange(["--" + FlowOption.Long, Flow]);
        if (Grace != DefaultGrace)
            args.AddRange(["--" + GraceOption.Long, ValueFormat.Duration(Grace)]);
        if (LogJson)
            args.Add("--" + LogJsonOption.Long);
        args.Add("--");
        args.Add(Job.Mode);
        args.AddRange(Job.ToArguments());
        return args;
    }

    private static int IndexOfSeparator(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
                return i;
        }
        return -1;
    }
}
