namespace Flowgen.Operator.Kubernetes;

public enum InformerEventType
{
    Added,
    Updated,
    Deleted,
}

/// <summary>One change the informer applied to its cache. <see cref="Old"/> is set for updates.</summary>
public sealed record InformerEvent<T>(InformerEventType Type, T Object, T? Old = null) where T : class;
