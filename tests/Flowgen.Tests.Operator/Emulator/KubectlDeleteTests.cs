namespace Flowgen.Tests.Operator.Emulator;

public class KubectlDeleteTests : KubectlTests
{
    private const string OperatorFinalizer = "flowgen.dev/cleanup";

    [Fact]
    public async Task Delete_wait_returns_once_the_operator_removes_its_finalizer()
    {
        await ApplyCrdAndSampleAsync();
        await PatchFlowAsync(SampleFlow, $$$"""{"metadata": {"finalizers": ["{{{OperatorFinalizer}}}"]}}""");

        await using var delete = Kubectl.Start("delete", "tf", SampleFlow, "--wait", "--timeout=60s");
        await WaitForFlowWatchAsync(query => query.Contains($"fieldSelector=metadata.name%3D{SampleFlow}", StringComparison.Ordinal));
        var held = await GetFlowAsync(SampleFlow);
        Assert.NotNull(held["metadata"]!["deletionTimestamp"]);
        Assert.False(delete.HasExited);

        await PatchFlowAsync(SampleFlow, """{"metadata": {"finalizers": null}}""");
        var result = await delete.WaitForExitAsync(Patience);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"trafficflow.flowgen.dev \"{SampleFlow}\" deleted", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("No resources found", (await Kubectl.RunAsync("get", "tf")).StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_of_the_applied_file_removes_the_flow()
    {
        await ApplyCrdAndSampleAsync();

        var result = await Kubectl.RunAsync("delete", "-f", SampleFile, "--wait");

        Assert.Contains($"\"{SampleFlow}\" deleted", result.StandardOutput, StringComparison.Ordinal);
        var gone = await Rejected(() => GetFlowAsync(SampleFlow));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Wait_for_a_phase_returns_when_the_status_reaches_it()
    {
        await ApplyCrdAndSampleAsync();

        await using var wait = Kubectl.Start("wait", "--for=jsonpath={.status.phase}=Succeeded", $"tf/{SampleFlow}", "--timeout=60s");
        await WaitForFlowWatchAsync();
        Assert.False(wait.HasExited);
        await PatchFlowStatusAsync(SampleFlow, """{"phase": "Succeeded"}""");
        var result = await wait.WaitForExitAsync(Patience);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"trafficflow.flowgen.dev/{SampleFlow} condition met", result.StandardOutput.Trim());
    }
}
