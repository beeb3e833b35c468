namespace Flowgen.KubeEmulator.Resources;

/// <summary>The set of served resources; custom resources come and go with their CRDs.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock gate = new();
    private readonly List<ResourceType> builtins;
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> byCrd = new(StringComparer.Ordinal);

    public ResourceRegistry() => builtins = BuiltinResources.All().ToList();

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (gate)
            {
                return builtins.Concat(byCrd.Values.SelectMany(v => v)).ToList();
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>Any served version of a resource: what storage-level work (GC, cleanup) needs.</summary>
    public ResourceType? FindAnyVersion(GroupResource resource) =>
        All.FirstOrDefault(t => t.GroupResource == resource);

    public void SetCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (gate)
        {
            byCrd[crdName] = types;
        }
    }

    public void RemoveCrd(string crdName)
    {
        lock (gate)
        {
            byCrd.Remove(crdName);
        }
    }
}
