using Flowgen.KubeEmulator.Tables;
using Flowgen.KubeEmulator.Validation;

namespace Flowgen.KubeEmulator.Resources;

/// <summary>Storage identity of a resource: the same objects are served under every version of it.</summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}

/// <summary>What to do with <c>.status</c> when an object is created through the main resource.</summary>
public enum StatusOnCreate
{
    Keep,
    Drop,
    PodPending,
    NamespaceActive,
}

/// <summary>One served resource at one version, as discovery describes it.</summary>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    bool HasStatus = false,
    StatusOnCreate StatusOnCreate = StatusOnCreate.Keep,
    bool TracksGeneration = false,
    bool ReturnDeletedObject = false,
    IReadOnlyList<string>? SelectableFields = null,
    IReadOnlyList<string>? Categories = null,
    CustomResourceSchema? Schema = null,
    IReadOnlyList<PrinterColumn>? Columns = null)
{
    /// <summary>The columns of its Table after Name; Age unless the type says otherwise.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns => Columns ?? [PrinterColumn.Age];

    public GroupResource GroupResource => new(Group, Plural);

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The resource name the server uses in messages, e.g. <c>trafficflows.flowgen.dev</c>.</summary>
    public string QualifiedResource => GroupResource.ToString();

    public bool IsCustom => Schema is not null;

    /// <summary>Field selectors every resource supports, plus the type's own.</summary>
    public IEnumerable<string> AllSelectableFields => CommonSelectableFields.Concat(SelectableFields ?? []);

    private static readonly string[] CommonSelectableFields = ["metadata.name", "metadata.namespace"];

    public static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
