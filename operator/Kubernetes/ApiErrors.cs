using System.Net;
using k8s;
using k8s.Autorest;

namespace Flowgen.Operator.Kubernetes;

/// <summary>Reads the HTTP status out of the two exception types KubernetesClient throws.</summary>
public static class ApiErrors
{
    /// <summary>The status code of a failed call, or null when the exception is not an API answer.</summary>
    public static HttpStatusCode? StatusOf(Exception e) => e switch
    {
        HttpOperationException { Response: not null } http => http.Response.StatusCode,
        KubernetesException { Status.Code: { } code } => (HttpStatusCode)code,
        _ => null,
    };

    public static bool IsNotFound(Exception e) => StatusOf(e) == HttpStatusCode.NotFound;

    public static bool IsConflict(Exception e) => StatusOf(e) == HttpStatusCode.Conflict;

    /// <summary>410 Gone: the resourceVersion asked for is older than the server's watch history.</summary>
    public static bool IsGone(Exception e) => StatusOf(e) == HttpStatusCode.Gone;
}
