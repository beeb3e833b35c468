namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// A request path under <c>/api/v1</c> or <c>/apis/GROUP/VERSION</c>, split into the parts the server routes on:
/// <c>[namespaces/NS/]RESOURCE[/NAME[/SUBRESOURCE]]</c>.
/// </summary>
internal sealed record ResourceRequest(string Group, string Version, string? Namespace, string Resource, string? Name,
    string? Subresource)
{
    public static ResourceRequest? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (segments is ["api", var v, _, ..])
        {
            (group, version, rest) = ("", v, 2);
        }
        else if (segments is ["apis", var g, var v2, _, ..])
        {
            (group, version, rest) = (g, v2, 3);
        }
        else
        {
            return null;
        }
        var tail = segments[rest..];
        // namespaces/NS/status and namespaces/NS/finalize are subresources of a namespace, not a namespaced resource.
        if (tail is ["namespaces", var ns, var resource, ..] && !(tail.Length == 3 && resource is "status" or "finalize"))
        {
            return tail.Length > 5 ? null : new ResourceRequest(group, version, ns, resource, At(tail, 3), At(tail, 4));
        }
        return tail.Length > 3 ? null : new ResourceRequest(group, version, null, tail[0], At(tail, 1), At(tail, 2));
    }

    private static string? At(string[] parts, int index) => index < parts.Length ? parts[index] : null;
}
