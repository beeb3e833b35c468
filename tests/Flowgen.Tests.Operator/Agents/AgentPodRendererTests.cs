using System.Net;
using System.Text.RegularExpressions;
using Flowgen.Contract;
using Flowgen.Operator.Agents;
using k8s.Models;

namespace Flowgen.Tests.Operator.Agents;

public sealed partial class AgentPodRendererTests
{
    private static AgentPodRequest Request(bool privileged = false, string node = "worker-1", string iface = "ens1f0") => new(
        FlowNamespace: "load",
        FlowName: "udp-blast",
        FlowUid: "5e0c7f5c-0000-4000-8000-000000000001",
        Node: node,
        Interface: iface,
        Agent: new AgentOptions
        {
            Port = 9501,
            TokenFile = $"{AgentPodRenderer.TokenDirectory}/{AgentPodRenderer.TokenKey}",
            Flow = "udp-blast",
            Job = new UdpJob { Interface = iface, Destination = IPAddress.Parse("2001:db8::1"), Duration = TimeSpan.FromSeconds(60) },
        },
        Image: "registry.example/flowgen-agent:1",
        TokenSecretName: "udp-blast-token",
        Privileged: privileged);

    [Fact]
    public void The_pod_runs_once_on_its_node_with_the_host_network()
    {
        V1Pod pod = AgentPodRenderer.Render(Request());

        Assert.Equal("Never", pod.Spec.RestartPolicy);
        Assert.True(pod.Spec.HostNetwork);
        V1NodeSelectorRequirement term = Assert.Single(Assert.Single(
            pod.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms).MatchFields);
        Assert.Equal(("metadata.name", "In"), (term.Key, term.OperatorProperty));
        Assert.Equal(["worker-1"], term.Values);
    }

    [Fact]
    public void The_pod_is_owned_by_its_flow_so_deleting_the_flow_deletes_it()
    {
        V1OwnerReference owner = Assert.Single(AgentPodRenderer.Render(Request()).Metadata.OwnerReferences);

        Assert.Equal(("flowgen.dev/v1alpha1", "TrafficFlow", "udp-blast"), (owner.ApiVersion, owner.Kind, owner.Name));
        Assert.Equal("5e0c7f5c-0000-4000-8000-000000000001", owner.Uid);
        Assert.True(owner.Controller);
    }

    [Fact]
    public void The_container_arguments_are_the_agent_command_line_the_agent_parses_back()
    {
        AgentPodRequest request = Request();
        V1Container container = Assert.Single(AgentPodRenderer.Render(request).Spec.Containers);

        Assert.Equal(AgentOptions.Command, container.Args[0]);
        AgentOptions parsed = AgentOptions.Parse([.. container.Args.Skip(1)]);
        Assert.Equal(request.Agent.Port, parsed.Port);
        Assert.Equal(request.Agent.TokenFile, parsed.TokenFile);
        Assert.Equal(request.Agent.Flow, parsed.Flow);
        Assert.Equal(request.Agent.Job, parsed.Job);
    }

    [Fact]
    public void The_flow_token_is_mounted_where_the_agent_reads_it()
    {
        V1Pod pod = AgentPodRenderer.Render(Request());
        V1Volume volume = Assert.Single(pod.Spec.Volumes);
        V1VolumeMount mount = Assert.Single(Assert.Single(pod.Spec.Containers).VolumeMounts);

        Assert.Equal("udp-blast-token", volume.Secret.SecretName);
        Assert.Equal(volume.Name, mount.Name);
        Assert.StartsWith(mount.MountPath + "/", Request().Agent.TokenFile, StringComparison.Ordinal);
        Assert.True(mount.ReadOnlyProperty);
    }

    [Fact]
    public void Without_privilege_the_agent_gets_only_the_capabilities_live_frames_need()
    {
        V1SecurityContext security = Assert.Single(AgentPodRenderer.Render(Request()).Spec.Containers).SecurityContext;

        Assert.False(security.Privileged);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Equal(["BPF", "PERFMON", "NET_ADMIN"], security.Capabilities.Add);
        Assert.True(security.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void A_privileged_flow_gets_a_privileged_container()
    {
        V1SecurityContext security = Assert.Single(AgentPodRenderer.Render(Request(privileged: true)).Spec.Containers).SecurityContext;

        Assert.True(security.Privileged);
        Assert.Null(security.Capabilities);
    }

    [Fact]
    public void Probes_use_the_agents_control_port()
    {
        V1Container container = Assert.Single(AgentPodRenderer.Render(Request()).Spec.Containers);

        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("9501", container.ReadinessProbe.HttpGet.Port.Value);
        Assert.Equal(9501, Assert.Single(container.Ports).ContainerPort);
    }

    [Theory]
    [InlineData("worker-1", "ens1f0")]
    [InlineData("a-very-long-node-name-from-a-cloud-provider.eu-west-1.compute.internal", "enp129s0f1np1")]
    [InlineData("Node_With.Odd*Chars", "eth0.100")]
    public void Pod_names_are_valid_dns_labels(string node, string iface)
    {
        string name = AgentPodRenderer.Render(Request(node: node, iface: iface)).Metadata.Name;

        Assert.Matches(DnsLabel(), name);
        Assert.InRange(name.Length, 1, 63);
    }

    [Fact]
    public void Two_interfaces_of_one_node_get_different_pods()
    {
        string a = AgentPodRenderer.Render(Request(iface: "ens1f0")).Metadata.Name;
        string b = AgentPodRenderer.Render(Request(iface: "ens1f1")).Metadata.Name;

        Assert.NotEqual(a, b);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
