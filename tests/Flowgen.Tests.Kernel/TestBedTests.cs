using System.Net;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel;

public sealed class TestBedTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task Test_bed_hosts_reach_each_other_over_IPv4_and_IPv6()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        var generator = await LinkInfo.ReadAsync(bed.GeneratorNamespace, bed.GeneratorInterface);
        var sink = await LinkInfo.ReadAsync(bed.SinkNamespace, bed.SinkInterface);
        Assert.Equal(("UP", "UP"), (generator.OperState, sink.OperState));
        Assert.Equal((bed.GeneratorIfindex, bed.GeneratorMac), (generator.Ifindex, generator.Mac));
        Assert.Equal((bed.SinkIfindex, bed.SinkMac), (sink.Ifindex, sink.Mac));
        Assert.Equal(bed.SinkIfindex, generator.PeerIfindex);
        Assert.Equal(bed.GeneratorIfindex, sink.PeerIfindex);
        Assert.Contains(new InterfaceAddress(bed.GeneratorIPv4, VethTestBed.IPv4PrefixLength), generator.Addresses);
        Assert.Contains(new InterfaceAddress(bed.GeneratorIPv6, VethTestBed.IPv6PrefixLength), generator.Addresses);
        Assert.Contains(new InterfaceAddress(bed.SinkIPv4, VethTestBed.IPv4PrefixLength), sink.Addresses);
        Assert.Contains(new InterfaceAddress(bed.SinkIPv6, VethTestBed.IPv6PrefixLength), sink.Addresses);

        await AssertDatagramArrivesAsync(bed.GeneratorNamespace, bed.SinkNamespace, bed.SinkIPv4, "Udp.NoPorts");
        await AssertDatagramArrivesAsync(bed.GeneratorNamespace, bed.SinkNamespace, bed.SinkIPv6, "Udp6NoPorts");
        await AssertDatagramArrivesAsync(bed.SinkNamespace, bed.GeneratorNamespace, bed.GeneratorIPv4, "Udp.NoPorts");
        await AssertDatagramArrivesAsync(bed.SinkNamespace, bed.GeneratorNamespace, bed.GeneratorIPv6, "Udp6NoPorts");
    }

    [SkippableFact]
    public async Task Test_bed_removes_its_namespaces_on_dispose()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        string[] names = [bed.GeneratorNamespace, bed.SinkNamespace];
        Assert.Subset((await Netns.ListAsync()).ToHashSet(), names.ToHashSet());
        await using var straggler = await StartStragglerAsync(bed.SinkNamespace);

        await bed.DisposeAsync();

        Assert.Empty((await Netns.ListAsync()).Intersect(names));
        await straggler.WaitForExitAsync(Patience);
        await bed.DisposeAsync();
    }

    [SkippableFact]
    public async Task Sweep_removes_leftovers_of_dead_test_processes()
    {
        KernelRequirement.EnsureRoot();
        // Above any pid_max, so no such process can exist.
        const string leftover = "fgt999999999-9-gen";
        await Netns.AddAsync(leftover);
        try
        {
            await using var straggler = await StartStragglerAsync(leftover);

            await using var bed = await VethTestBed.CreateAsync();

            Assert.DoesNotContain(leftover, await Netns.ListAsync());
            await straggler.WaitForExitAsync(Patience);
        }
        finally
        {
            if (await Netns.ExistsAsync(leftover))
                await Netns.DeleteAsync(leftover);
        }
    }

    [SkippableFact]
    public async Task Two_beds_get_distinct_namespaces()
    {
        KernelRequirement.EnsureRoot();
        await using var first = await VethTestBed.CreateAsync();
        await using var second = await VethTestBed.CreateAsync(new VethTestBedOptions { Variant = 1 });

        string[] names = [first.GeneratorNamespace, first.SinkNamespace, second.GeneratorNamespace, second.SinkNamespace];
        Assert.Equal(4, names.Distinct().Count());
        Assert.Subset((await Netns.ListAsync()).ToHashSet(), names.ToHashSet());
        Assert.Equal(first.GeneratorInterface, second.GeneratorInterface);
        await Assert.ThrowsAsync<InvalidOperationException>(() => VethTestBed.CreateAsync());
        Assert.Subset((await Netns.ListAsync()).ToHashSet(), names.ToHashSet());
    }

    [SkippableFact]
    public async Task A_failed_creation_removes_what_it_created_and_nothing_else()
    {
        KernelRequirement.EnsureRoot();
        var options = new VethTestBedOptions { Variant = 5 };
        var generatorName = TestNamespaces.Name(options.Variant, "gen");
        var occupied = TestNamespaces.Name(options.Variant, "sink");
        await Netns.AddAsync(occupied);
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => VethTestBed.CreateAsync(options));

            Assert.DoesNotContain(generatorName, await Netns.ListAsync());
            Assert.Contains(occupied, await Netns.ListAsync());
        }
        finally
        {
            await Netns.DeleteAsync(occupied);
        }
    }

    [SkippableFact]
    public async Task Sink_has_gro_by_default_so_the_generator_veth_is_a_live_frames_target()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();

        Assert.True(await GroIsOnAsync(bed, bed.SinkNamespace, bed.SinkInterface));
        Assert.False(await GroIsOnAsync(bed, bed.GeneratorNamespace, bed.GeneratorInterface));
    }

    [SkippableFact]
    public async Task Options_set_gro_and_static_neighbours()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync(
            new VethTestBedOptions { SinkGro = false, GeneratorGro = true, StaticNeighbours = true });

        Assert.False(await GroIsOnAsync(bed, bed.SinkNamespace, bed.SinkInterface));
        Assert.True(await GroIsOnAsync(bed, bed.GeneratorNamespace, bed.GeneratorInterface));
        var generatorNeighbours = await bed.ExecAsync(bed.GeneratorNamespace, "ip", "neigh", "show", "dev", bed.GeneratorInterface);
        var sinkNeighbours = await bed.ExecAsync(bed.SinkNamespace, "ip", "neigh", "show", "dev", bed.SinkInterface);
        Assert.Contains($"{bed.SinkIPv4} lladdr {MacText.Format(bed.SinkMac)} PERMANENT", generatorNeighbours);
        Assert.Contains($"{bed.SinkIPv6} lladdr {MacText.Format(bed.SinkMac)} PERMANENT", generatorNeighbours);
        Assert.Contains($"{bed.GeneratorIPv4} lladdr {MacText.Format(bed.GeneratorMac)} PERMANENT", sinkNeighbours);
        Assert.Contains($"{bed.GeneratorIPv6} lladdr {MacText.Format(bed.GeneratorMac)} PERMANENT", sinkNeighbours);
    }

    [SkippableFact]
    public async Task Snapshot_reports_a_bed_until_it_is_disposed()
    {
        KernelRequirement.EnsureRoot();
        var before = await SystemSnapshot.TakeAsync();
        var bed = await VethTestBed.CreateAsync();
        try
        {
            var leftovers = (await SystemSnapshot.TakeAsync()).LeftoversSince(before);

            Assert.Contains(leftovers, l => l.Contains(bed.GeneratorNamespace, StringComparison.Ordinal));
            Assert.Contains(leftovers, l => l.Contains(bed.SinkNamespace, StringComparison.Ordinal));
        }
        finally
        {
            await bed.DisposeAsync();
        }
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
    }

    [SkippableFact]
    public async Task Child_process_runs_in_the_namespace_under_its_own_pid_and_takes_signals()
    {
        KernelRequirement.EnsureRoot();
        await using var bed = await VethTestBed.CreateAsync();
        const string script = """
            trap 'echo "got INT"; exit 7' INT
            echo "to stderr" >&2
            echo "pid $$ in $(ip netns identify)"
            while :; do sleep 0.1; done
            """;
        await using var child = ChildProcess.Start(bed.SinkNamespace, "bash", "-c", script);

        await child.WaitForLineAsync(line => line == $"pid {child.Id} in {bed.SinkNamespace}", Patience);
        child.Signal("INT");

        Assert.Equal(7, await child.WaitForExitAsync(Patience));
        Assert.Contains("got INT", child.StdoutLines);
        Assert.Contains("to stderr", child.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Waiting_for_a_line_fails_with_the_output_when_the_process_ends_first()
    {
        KernelRequirement.EnsureRoot();
        await using var child = ChildProcess.Start(null, "bash", "-c", "echo first; echo oops >&2");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => child.WaitForLineAsync(line => line == "second", Patience));

        Assert.Contains("first", failure.Message, StringComparison.Ordinal);
        Assert.Contains("oops", failure.Message, StringComparison.Ordinal);
    }

    // Nothing listens on the discard port, so the receiving stack counts the datagram as NoPorts.
    static async Task AssertDatagramArrivesAsync(string fromNamespace, string toNamespace, IPAddress to, string counter)
    {
        var before = (await Snmp.ReadAsync(toNamespace))[counter];
        await Netns.ExecAsync(fromNamespace, "bash", "-c", """printf x > "/dev/udp/$1/$2" """, "bash", to.ToString(), "9");
        var deadline = DateTime.UtcNow + Patience;
        while ((await Snmp.ReadAsync(toNamespace))[counter] == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"a datagram from {fromNamespace} to {to} never reached {toNamespace}");
            await Task.Delay(50);
        }
    }

    // A process that a test forgot: it must not outlive the namespace. Waits until it is inside.
    static async Task<ChildProcess> StartStragglerAsync(string ns)
    {
        var straggler = ChildProcess.Start(ns, "bash", "-c", "echo inside; exec sleep 60");
        try
        {
            await straggler.WaitForLineAsync(line => line == "inside", Patience);
            return straggler;
        }
        catch
        {
            await straggler.DisposeAsync();
            throw;
        }
    }

    static async Task<bool> GroIsOnAsync(VethTestBed bed, string ns, string device) =>
        (await bed.ExecAsync(ns, "ethtool", "-k", device)).Contains("generic-receive-offload: on", StringComparison.Ordinal);
}
