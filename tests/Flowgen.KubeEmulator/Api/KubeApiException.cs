namespace Flowgen.KubeEmulator.Api;

/// <summary>A failed request, rendered to the client as a Kubernetes <c>Status</c> object.</summary>
public sealed class KubeApiException(int code, string reason, string message, IReadOnlyList<StatusCause>? causes = null,
    StatusDetails? details = null) : Exception(message)
{
    public int Code { get; } = code;
    public string Reason { get; } = reason;
    public IReadOnlyList<StatusCause> Causes { get; } = causes ?? [];
    public StatusDetails? Details { get; } = details;
}

public sealed record StatusCause(string Reason, string Message, string Field);

public sealed record StatusDetails(string? Name, string? Group, string? Kind);
