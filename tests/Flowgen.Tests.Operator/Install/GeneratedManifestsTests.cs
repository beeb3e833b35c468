using Flowgen.Manifests.Layout;
using Flowgen.Operator.Api;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Install;

/// <summary>The committed chart and kustomize tree are what their one source generates.</summary>
public sealed class GeneratedManifestsTests
{
    [Fact]
    public void The_committed_chart_and_kustomize_tree_are_what_the_generator_writes()
    {
        var drift = GeneratedTree.Drift(RepoFiles.Root, GeneratedFiles.Render(RepoFiles.Root));
        Assert.True(drift.Count == 0, string.Join('\n', drift));
    }

    [Fact]
    public void A_hand_edit_of_a_generated_file_is_drift()
    {
        var files = new Dictionary<string, string>(GeneratedFiles.Render(RepoFiles.Root));
        string template = $"{GeneratedFiles.ChartDirectory}/templates/deployment.yaml";
        files[template] += "# edited by hand\n";

        Assert.Contains(GeneratedTree.Drift(RepoFiles.Root, files), line => line.StartsWith(template, StringComparison.Ordinal));
    }

    [Fact]
    public void The_chart_and_kustomize_carry_the_crd_of_crds()
    {
        string crd = File.ReadAllText(RepoFiles.CrdFile);
        Assert.Equal(crd, File.ReadAllText(Path.Combine(Chart.Directory, "crds", TrafficFlowCrd.FileName)));
        Assert.Equal(crd, File.ReadAllText(Path.Combine(RepoFiles.Root, "config", "crd", TrafficFlowCrd.FileName)));
    }
}
