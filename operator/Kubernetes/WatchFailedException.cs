namespace Flowgen.Operator.Kubernetes;

/// <summary>A watch stream ended with an error other than 410 (a Status event, or a line that would not parse).</summary>
public sealed class WatchFailedException(string message, Exception? inner = null) : Exception(message, inner);
