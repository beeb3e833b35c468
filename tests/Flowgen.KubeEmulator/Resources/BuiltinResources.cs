using Flowgen.KubeEmulator.Tables;

namespace Flowgen.KubeEmulator.Resources;

/// <summary>The built-in resources the emulator serves without a CRD.</summary>
internal static class BuiltinResources
{
    public const string CrdGroup = "apiextensions.k8s.io";

    public static readonly GroupResource Namespaces = new("", "namespaces");
    public static readonly GroupResource Crds = new(CrdGroup, "customresourcedefinitions");

    private static readonly PrinterColumn[] WithStatus = [PrinterColumn.Status, PrinterColumn.Age];

    public static IEnumerable<ResourceType> All() =>
    [
        new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"], HasStatus: true,
            StatusOnCreate: StatusOnCreate.NamespaceActive, SelectableFields: ["status.phase"], Columns: WithStatus),
        new("", "v1", "pods", "pod", "Pod", true, ["po"], HasStatus: true, StatusOnCreate: StatusOnCreate.PodPending,
            ReturnDeletedObject: true,
            SelectableFields: ["spec.nodeName", "status.phase", "spec.restartPolicy", "spec.schedulerName",
                "spec.serviceAccountName", "spec.hostNetwork", "status.podIP", "status.nominatedNodeName"],
            Columns: WithStatus),
        new("", "v1", "secrets", "secret", "Secret", true, [], SelectableFields: ["type"]),
        new("", "v1", "configmaps", "configmap", "ConfigMap", true, ["cm"]),
        new("", "v1", "services", "service", "Service", true, ["svc"], HasStatus: true, StatusOnCreate: StatusOnCreate.Drop,
            ReturnDeletedObject: true),
        new("", "v1", "events", "event", "Event", true, ["ev"],
            SelectableFields: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"]),
        new("", "v1", "nodes", "node", "Node", false, ["no"], HasStatus: true, SelectableFields: ["spec.unschedulable"]),
        new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"], ReturnDeletedObject: true),
        new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, []),
        new("events.k8s.io", "v1", "events", "event", "Event", true, ["ev"],
            SelectableFields: ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason", "type"]),
        new(CrdGroup, "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false,
            ["crd", "crds"], HasStatus: true, StatusOnCreate: StatusOnCreate.Drop, TracksGeneration: true),
    ];
}
