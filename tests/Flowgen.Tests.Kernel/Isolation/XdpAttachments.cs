using System.Text.Json;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Isolation;

/// <summary>An XDP program attached to an interface, as <c>bpftool net show</c> lists it.</summary>
public sealed record XdpAttachment(string Device, int ProgramId, string Mode)
{
    /// <summary>The XDP attachments of one namespace's interfaces (<c>ip netns exec NS bpftool -j net show</c>).</summary>
    public static async Task<IReadOnlyList<XdpAttachment>> InNamespaceAsync(string ns)
    {
        var json = await Netns.ExecAsync(ns, "bpftool", "-j", "net", "show");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(section => section.TryGetProperty("xdp", out _))
            .SelectMany(section => section.GetProperty("xdp").EnumerateArray())
            .Select(x => new XdpAttachment(
                x.GetProperty("devname").GetString()!,
                x.GetProperty("id").GetInt32(),
                x.TryGetProperty("mode", out var mode) ? mode.GetString()! : "?"))
            .ToList();
    }
}
