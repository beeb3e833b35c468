using Flowgen.Interop;

namespace Flowgen.Engine;

/// <summary>Finds the interface a job names, in this network namespace, and checks it is usable.</summary>
internal static class TargetInterface
{
    public static InterfaceInfo Find(string name)
    {
        InterfaceInfo iface = NetworkInterfaces.Find(name) ?? throw new EnvironmentException(
            $"interface '{name}' does not exist in this network namespace: 'ip link' lists the interfaces " +
            "(flowgen must run in the interface's namespace, e.g. 'ip netns exec NS flowgen …')");
        if (!iface.IsUp)
            throw new EnvironmentException(
                $"interface {name} is down (or its link is): bring it up with 'ip link set {name} up'" +
                (iface.Driver == "veth" ? ", and its veth peer too" : string.Empty));
        return iface;
    }
}
