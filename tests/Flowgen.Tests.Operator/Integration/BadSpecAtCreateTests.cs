using System.Net;
using Flowgen.Operator.Api;
using k8s.Autorest;

namespace Flowgen.Tests.Operator.Integration;

/// <summary>
/// `kubectl apply` of a bad TrafficFlow fails at create: the API server (here the emulator, with
/// the generated CRD installed) refuses it with 422 through its schema — no operator involved.
/// </summary>
public sealed class BadSpecAtCreateTests() : OperatorTest(runOperator: false)
{
    public static TheoryData<string, Action<TrafficFlowSpec>> BadSpecs => new()
    {
        { "bad MAC", spec => spec.Udp!.DstMac = "aa:bb:cc:dd:ee" },
        { "bad IP", spec => spec.Udp!.DstAddress = "198.18.0.300" },
        { "port out of range", spec => spec.Udp!.DstPort = 65536 },
        { "both duration and packets", spec => spec.Duration = "30s" },
        { "no placement", spec => spec.Agents.Targets = null },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task A_bad_spec_is_rejected_at_create_and_nothing_is_stored(string what, Action<TrafficFlowSpec> spoil)
    {
        TrafficFlow flow = TwoNodeFlow("bad");
        spoil(flow.Spec);

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => CreateAsync(flow));

        Assert.True(refused.Response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what}: {refused.Response.StatusCode} {refused.Response.Content}");
        Assert.Null(await Flows.GetAsync(Ns, "bad", CancellationToken.None));
    }

    [Fact]
    public async Task The_same_flow_without_the_fault_is_accepted() =>
        Assert.Equal("bad", (await CreateAsync(TwoNodeFlow("bad"))).Metadata.Name);
}
