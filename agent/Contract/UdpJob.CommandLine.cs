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

    /// <summary>The option with this long name (e.g. <c>pkt-size</c>), for callers that name it in their own terms.</summary>
    /// <exception cref="KeyNotFoundException">No such option.</exception>
    public static OptionSpec OptionNamed(string longName) =>
        UdpOptions.All.FirstOrDefault(option => option.Spec.Long == longName)?.Spec
        ?? throw new KeyNotFoundException($"flowgen {Command} has no option --{longName}");

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

        var smallest = FrameSizes.MinimumWireSize(Destination.AddressFamily, Vlan is not null);
        if (SizeMix is null && FrameSize < smallest)
        {
            throw new UsageException(
                $"frame size {FrameSize} is too small for UDP over {FamilyName(Destination.AddressFamily)}: "
                + $"{(Vlan is null ? "" : "with an 802.1Q tag ")}-s/--pkt-size must be at least {smallest} (FCS included)");
        }

        SizeMix?.Check(Destination.AddressFamily, Vlan is not null, UdpOptions.FrameSize.Spec.DisplayName);
        Vlan?.Check(UdpOptions.Vlan.Spec.DisplayName);
        CheckFlows();
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

        Rate?.CheckAtLeastMinimum((int)Math.Round(MeanFrameSize), "-r/--rate");

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

    private void CheckFlows()
    {
        CheckCount(DestinationCount, AddressRange.RoomAfter(Destination), UdpOptions.DestinationAddress.Spec.DisplayName);
        if (Source is { } source)
        {
            CheckCount(SourceCount, AddressRange.RoomAfter(source), UdpOptions.SourceAddress.Spec.DisplayName);
        }
        else if (SourceCount != 1)
        {
            throw new UsageException("a range of source addresses needs its first address: give -A/--src-addr FIRST-LAST");
        }

        CheckCount(SourcePortCount, ushort.MaxValue - SourcePort + 1, UdpOptions.SourcePort.Spec.DisplayName);
        if (FlowCount > MaxFlows)
        {
            throw new UsageException(
                $"the job has {FlowCount} flows (sources x destinations x source ports x destination ports), more than the "
                + $"{MaxFlows} one job can number; give smaller ranges");
        }
    }

    private static void CheckCount(long count, long room, string option)
    {
        if (count < 1 || count > room)
        {
            throw new UsageException($"{option} range of {count} runs past the end of its field; at most {room} fit from its first value");
        }
    }

    private void CheckStamp()
    {
        var smallest = FrameSizes.MinimumStampedWireSize(Destination.AddressFamily, Vlan is not null);
        if (SmallestFrameSize < smallest)
        {
            string fix = SizeMix is { IsImix: true }
                ? $"give a list such as -s/--pkt-size {smallest}:7,594:4,1518:1"
                : $"give -s/--pkt-size {smallest} or more";
            throw new UsageException(
                $"--stamp writes a {FrameSizes.Probe}-byte probe after the UDP header, which a {SmallestFrameSize}-byte frame can't hold: "
                + $"{fix} for {FamilyName(Destination.AddressFamily)}");
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
