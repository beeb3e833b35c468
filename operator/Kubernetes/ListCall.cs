using k8s.Autorest;

namespace Flowgen.Operator.Kubernetes;

/// <summary>The arguments a list-or-watch call varies between the informer's calls.</summary>
public readonly record struct ListCallOptions(bool Watch, string? ResourceVersion, int? TimeoutSeconds)
{
    /// <summary>Bookmarks are only meaningful, and only accepted, on watch requests.</summary>
    public bool? AllowWatchBookmarks => Watch ? true : null;
}

/// <summary>One KubernetesClient list method with its fixed arguments (namespace, selectors) bound.</summary>
public delegate Task<HttpOperationResponse<TList>> ListCall<TList>(ListCallOptions options, CancellationToken cancellationToken);
