namespace Flowgen.Tests.Operator.Rbac;

/// <summary>What RBAC checks for one API request: (API group, resource[/subresource], verb).</summary>
internal sealed record ApiPermission(string Group, string Resource, string Verb)
{
    public override string ToString() => $"{(Group.Length == 0 ? "core" : Group)} {Resource} {Verb}";

    /// <summary>The permission a request needs, read from its path as the API server's request-info does.</summary>
    public static ApiPermission Of(HttpMethod method, Uri uri)
    {
        string[] parts = uri.AbsolutePath.Trim('/').Split('/');
        (string group, string[] rest) = parts[0] == "api" ? ("", parts[2..]) : (parts[1], parts[3..]);
        if (rest is ["namespaces", _, _, ..])
            rest = rest[2..];
        string resource = rest.Length > 2 ? $"{rest[0]}/{rest[2]}" : rest[0];
        bool named = rest.Length > 1;
        bool watch = uri.Query.Contains("watch=true", StringComparison.OrdinalIgnoreCase);
        string verb = method.Method switch
        {
            "GET" => watch ? "watch" : named ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => named ? "delete" : "deletecollection",
            _ => method.Method.ToLowerInvariant(),
        };
        return new ApiPermission(group, resource, verb);
    }
}
