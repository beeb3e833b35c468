using System.Net;

namespace Flowgen.Contract;

/// <summary>The job's command line: parsing, canonical rendering, help and the checks that span options.</summary>
public sealed partial record TcpJob : IGeneratorJob
{
    public const string Command = "tcp";

    /// <inheritdoc/>
    public string Mode => Command;

    public static string Help => HelpFormatter.Format(
        $"flowgen {Command} [OPTIONS] -i IFACE HOST",
        "Stream to HOST with XDP live frames over a TCP connection the kernel opens.",
        [("HOST", "the receiver's IPv4 or IPv6 address (required; no names)")],
        [.. TcpOptions.All.Select(option => option.Spec)]);

    /// <summary>True when the arguments ask for <see cref="Help"/> (-h/--help before any <c>--</c>).</summary>
    /// <exception cref="UsageException">An unknown option comes first.</exception>
    public static bool RequestsHelp(IReadOnlyList<string> args) =>
        TcpOptions.Reader.Read(args).Any(arg => arg.Option == OptionSpec.Help);

    /// <summary>The job the arguments (after <c>tcp</c>) describe.</summary>
    /// <exception cref="UsageException">The arguments are not a valid job; the message says why.</exception>
    public static TcpJob Parse(IReadOnlyList<string> args)
    {
        // Interface and Destination are placeholders until their arguments are read; both are required below.
        var seed = new TcpJob { Interface = "", Destination = IPAddress.None };
        var (job, host, given) = JobCommandLine.Read(TcpOptions.Reader, TcpOptions.For, args, seed, "HOST");
        if (host is null)
        {
            throw new UsageException($"missing host: give HOST, e.g. 'flowgen {Command} -i eth0 198.18.0.2'");
        }

        if (!given.Contains(TcpOptions.Interface.Spec))
        {
            throw new UsageException($"missing interface: give -i/--interface, e.g. 'flowgen {Command} -i eth0 {host}'");
        }

        job = job with { Destination = ValueParsers.Address(host, "HOST") };
        job.CheckConsistency();
        return job;
    }

    /// <summary>Canonical arguments: long options in table order, only those off their default, HOST last.</summary>
    public IReadOnlyList<string> ToArguments() =>
        JobCommandLine.Render(TcpOptions.All, this, ValueFormat.Address(Destination));

    /// <summary>
    /// Refuses a job built in code (by the operator) that the command line would refuse, with
    /// the message the agent would print, so it never renders arguments the agent rejects.
    /// </summary>
    /// <exception cref="UsageException">The job is not valid.</exception>
    public void Validate()
    {
        CheckConsistency();
        if (!Parse(ToArguments()).Equals(this))
        {
            throw new UsageException($"the job changes when read back from its own arguments: {this}");
        }
    }

    private void CheckConsistency()
    {
        var limits = TcpOptions.Limits.Where(option => option.Render(this) is not null).Select(option => option.Spec.DisplayName).ToList();
        if (limits.Count > 1)
        {
            throw new UsageException(
                $"{string.Join(" and ", limits)} are each a limit: give at most one of -n/--segments, --bytes and --duration");
        }

        if (Cpus is { } cpus)
        {
            SharedJobOptions.CheckCpus(cpus, MaxThreads);
        }
    }
}
