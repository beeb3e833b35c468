using System.Net;
using System.Net.Sockets;

namespace Flowgen.Contract;

/// <summary>The job's command line: parsing, canonical rendering, help and the checks that span options.</summary>
public sealed partial record UdpJob : IGeneratorJob
{
    public const string Command = "udp";

    /// <inheritdoc/>
    public string Mode => Command;

    public static string Help => HelpFormatter.Format(
        $"flowgen {Command} [OPTIONS] -a ADDR IFACE",
        "Send UDP frames out of IFACE with XDP live frames until a limit is reached.",
        [("IFACE", "egress network interface (required)")],
        [.. UdpOptions.All.Select(option => option.Spec)]);

    /// <summary>True when the arguments ask for <see cref="Help"/> (-h/--help before any <c>--</c>).</summary>
    /// <exception cref="UsageException">An unknown option comes first.</exception>
    public static bool RequestsHelp(IReadOnlyList<string> args) =>
        UdpOptions.Reader.Read(args).Any(arg => arg.Option == OptionSpec.Help);

    /// <summary>The job the arguments (after <c>udp</c>) describe.</summary>
    /// <exception cref="UsageException">The arguments are not a valid job; the message says why.</exception>
    public static UdpJob Parse(IReadOnlyList<string> args)
    {
        // Interface and Destination are placeholders until their arguments are read; both are required below.
        var seed = new UdpJob { Interface = "", Destination = IPAddress.None };
        var (job, iface, given) = JobCommandLine.Read(UdpOptions.Reader, UdpOptions.For, args, seed, "IFACE");
        if (iface is null)
        {
            throw new UsageException($"missing interface: give IFACE, e.g. 'flowgen {Command} -a 198.18.0.2 eth0'");
        }

        if (!given.Contains(UdpOptions.DestinationAddress.Spec))
        {
            throw new UsageException("missing destination address: give -a/--dst-addr");
        }

        job = job with { Interface = ValueParsers.InterfaceName(iface) };
        if (job.Cpus is { } cpus && !given.Contains(UdpOptions.Threads.Spec))
        {
            job = job with { Threads = cpus.Count };
        }

        job.CheckConsistency();
        return job;
    }

    /// <summary>Canonical arguments: long options in table order, only those off their default, IFACE last.</summary>
    public IReadOnlyList<string> ToArguments() => JobCommandLine.Render(UdpOptions.All, this, Interface);

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
        if (Source is { } source && source.AddressFamily != Destination.AddressFamily)
        {
            throw new UsageException(
                $"source address {source} is {FamilyName(source.AddressFamily)} but destination address {Destination} "
                + $"is {FamilyName(Destination.AddressFamily)}; give both in the same family");
        }

        var smallest = FrameSizes.MinimumWireSize(Destination.AddressFamily);
        if (FrameSize < smallest)
        {
            throw new UsageException(
                $"frame size {FrameSize} is too small for UDP over {FamilyName(Destination.AddressFamily)}: "
                + $"-s/--pkt-size must be at least {smallest} (FCS included)");
        }

        if (Stamp)
        {
            CheckStamp();
        }

        if (Latency && !Stamp)
        {
            throw new UsageException("--latency measures stamped probes: the job must also stamp (--stamp)");
        }

        if (LatencyLog is not null && !Latency)
        {
            throw new UsageException("--latency-log writes the round trips --latency measures: add --latency");
        }

        Rate?.CheckAtLeastMinimum(FrameSize, "-r/--rate");

        var largestRange = ushort.MaxValue - DestinationPort + 1;
        if (DynamicPorts > largestRange)
        {
            throw new UsageException(
                $"-d/--dyn-ports {DynamicPorts} from destination port {DestinationPort} runs past port {ushort.MaxValue}; "
                + $"the largest count allowed from port {DestinationPort} is {largestRange}");
        }

        if (Cpus is { } cpus)
        {
            CheckCpus(cpus);
        }
    }

    private void CheckStamp()
    {
        var smallest = FrameSizes.MinimumStampedWireSize(Destination.AddressFamily);
        if (FrameSize < smallest)
        {
            throw new UsageException(
                $"--stamp writes a {FrameSizes.Probe}-byte probe after the UDP header, which a {FrameSize}-byte frame can't hold: "
                + $"give -s/--pkt-size {smallest} or more for {FamilyName(Destination.AddressFamily)}");
        }

        if (FlowCount > MaxStampedFlows)
        {
            throw new UsageException(
                $"--stamp numbers at most {MaxStampedFlows} flows (one probe sequence per flow and CPU) but the job has {FlowCount}; "
                + "give fewer addresses or ports");
        }
    }

    private void CheckCpus(IReadOnlyList<int> cpus)
    {
        SharedJobOptions.CheckCpus(cpus, MaxThreads);
        if (cpus.Count != Threads)
        {
            throw new UsageException($"--cpus lists {cpus.Count} CPUs but -t/--threads is {Threads}; give one CPU per thread");
        }
    }

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
