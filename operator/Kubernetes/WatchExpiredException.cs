namespace Flowgen.Operator.Kubernetes;

/// <summary>
/// The server answered a watch with 410 Gone (as an HTTP status or as an ERROR event carrying a
/// Status with code 410): the resourceVersion has been compacted away, so the only way to catch
/// up without losing events is a fresh list.
/// </summary>
public sealed class WatchExpiredException(string message, Exception? inner = null) : Exception(message, inner);
