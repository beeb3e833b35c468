using System.Net;

namespace Flowgen.Operator.Agents;

/// <summary>An agent answered a control request with an error (409 when the request didn't fit its state).</summary>
internal sealed class AgentRequestException(Uri agent, string path, HttpStatusCode status, string message)
    : Exception($"agent {agent} refused {path}: {(int)status} {message}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The request didn't fit the agent's state (e.g. a second start): not worth retrying.</summary>
    public bool IsConflict => Status == HttpStatusCode.Conflict;
}
