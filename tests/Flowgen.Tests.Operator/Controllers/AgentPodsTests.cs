using Flowgen.Contract;
using Flowgen.Operator.Agents;
using Flowgen.Operator.Api;
using Flowgen.Operator.Controllers;
using Flowgen.Tests.Operator.Api;
using k8s.Models;

namespace Flowgen.Tests.Operator.Controllers;

public sealed class AgentPodsTests
{
    private static readonly AgentSlot Worker1 = new("worker-1", "ens1f0", "aa:bb:cc:dd:ee:01");

    private static V1Pod AgentOn(string node, int port, string? ip = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"other-{node}-{port}",
            Annotations = new Dictionary<string, string> { [AgentPodLabels.Node] = node, [AgentPodLabels.ControlPort] = $"{port}" },
        },
        Status = new V1PodStatus { PodIP = ip },
    };

    [Fact]
    public void A_new_agent_takes_a_control_port_no_other_agent_on_its_node_uses()
    {
        var pod = AgentPods.Render(SampleFlows.Running(), Worker1,
            [AgentOn("worker-1", ControlPorts.First), AgentOn("worker-2", ControlPorts.First + 1)], AgentPlacement.DefaultImage);

        Assert.Equal($"{ControlPorts.First + 1}", pod.Metadata.Annotations[AgentPodLabels.ControlPort]);
    }

    [Fact]
    public void A_flow_without_an_image_gets_the_operators_agent_image_and_one_with_an_image_keeps_it()
    {
        var flow = SampleFlows.Running();
        flow.Spec.Agents.Image = null;
        var defaulted = AgentPods.Render(flow, Worker1, [], "registry.example/flowgen-agent:1.2.3");
        flow.Spec.Agents.Image = "mirror.example/agent:pinned";
        var chosen = AgentPods.Render(flow, Worker1, [], "registry.example/flowgen-agent:1.2.3");

        Assert.Equal(("registry.example/flowgen-agent:1.2.3", "mirror.example/agent:pinned"),
            (defaulted.Spec.Containers[0].Image, chosen.Spec.Containers[0].Image));
    }

    [Fact]
    public void A_tcp_flows_agent_runs_the_tcp_job()
    {
        var flow = SampleFlows.Running();
        flow.Spec.Mode = FlowMode.Tcp;
        flow.Spec.Udp = null;
        flow.Spec.Tcp = new TcpFlow { DstAddress = "198.18.0.2", Flows = 2 };
        var args = AgentPods.Render(flow, Worker1, [], AgentPlacement.DefaultImage).Spec.Containers[0].Args;
        var options = AgentOptions.Parse([.. args.Skip(1)]);

        Assert.Equal("tcp", args[args.IndexOf("--") + 1]);
        Assert.Equal(flow.Spec.ToTcpJob("ens1f0"), options.Job);
    }

    [Fact]
    public void The_port_of_an_agent_that_exited_is_free_again()
    {
        var exited = AgentOn("worker-1", ControlPorts.First);
        exited.Status.Phase = "Succeeded";
        Assert.Equal([], AgentPods.PortsUsedOn("worker-1", [exited]));
    }

    [Fact]
    public void The_agent_runs_the_flows_job_with_the_targets_mac_and_its_token()
    {
        var flow = SampleFlows.Running();
        var options = AgentOptions.Parse([.. AgentPods.Render(flow, Worker1, [], AgentPlacement.DefaultImage).Spec.Containers[0].Args.Skip(1)]);

        Assert.Equal(flow.Spec.ToUdpJob("ens1f0", "aa:bb:cc:dd:ee:01"), options.Job);
        Assert.Equal("default/running", options.Flow);
        Assert.StartsWith(AgentPodRenderer.TokenDirectory, options.TokenFile);
    }

    [Fact]
    public void The_agent_is_reached_at_its_pod_ip_and_control_port_once_it_has_one()
    {
        Assert.Null(AgentAddress.Of(AgentOn("n1", 9501)));
        Assert.Equal(new Uri("http://10.0.0.7:9501/"), AgentAddress.Of(AgentOn("n1", 9501, "10.0.0.7")));
        Assert.Equal(new Uri("http://[fd00::7]:9501/"), AgentAddress.Of(AgentOn("n1", 9501, "fd00::7")));
    }

    [Fact]
    public void A_job_the_agent_would_refuse_is_a_problem_named_by_its_field()
    {
        var flow = SampleFlows.Running();
        Assert.Null(AgentPods.JobProblem(flow, [Worker1]));
        flow.Spec.Udp!.PayloadHex = "not hex";
        Assert.Contains("spec.udp.payloadHex", AgentPods.JobProblem(flow, [Worker1]));
    }
}
