using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Monitoring;

public sealed class AlertRulesTests
{
    private static readonly string Dir = Path.Combine(RepoFiles.Root, "config", "prometheus");
    private static readonly string RulesFile = Path.Combine(Dir, "flowgen-alerts.rules.yaml");
    private static readonly string TestsFile = Path.Combine(Dir, "flowgen-alerts.tests.yaml");

    [Fact]
    public async Task Rules_pass_promtool_check()
    {
        // Without --lint-fatal, lint findings (duplicate rules) print FAILED yet exit 0.
        var result = await Promtool.RunAsync("check", "rules", "--lint-fatal", RulesFile);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output);
        Assert.DoesNotContain("FAILED", result.Output);
    }

    [Fact]
    public async Task Rule_unit_tests_pass()
    {
        var result = await Promtool.RunAsync("test", "rules", TestsFile);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SUCCESS", result.Output);
    }

    [Fact]
    public async Task Unit_tests_fail_when_an_expected_alert_is_missing()
    {
        var (alert, broken) = DropFirstFiringExpectation(await File.ReadAllLinesAsync(TestsFile));

        var dir = Directory.CreateTempSubdirectory("flowgen-alerts-");
        try
        {
            File.Copy(RulesFile, Path.Combine(dir.FullName, Path.GetFileName(RulesFile)));
            var copy = Path.Combine(dir.FullName, Path.GetFileName(TestsFile));
            await File.WriteAllTextAsync(copy, broken);

            var result = await Promtool.RunAsync("test", "rules", copy);

            Assert.True(result.ExitCode != 0, result.Output);
            Assert.Contains("FAILED", result.Output);
            Assert.Contains(alert, result.Output);
            Assert.DoesNotContain("unmarshal", result.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_alert_has_a_firing_and_a_quiet_case()
    {
        var rules = await File.ReadAllLinesAsync(RulesFile);
        var tests = await File.ReadAllTextAsync(TestsFile);
        var alerts = rules.Select(l => l.Trim()).Where(l => l.StartsWith("- alert: ", StringComparison.Ordinal))
            .Select(l => l["- alert: ".Length..]).Distinct().ToList();

        Assert.NotEmpty(alerts);
        foreach (var alert in alerts)
        {
            Assert.Contains($"alertname: {alert}\n        exp_alerts: []", tests);
            Assert.Contains($"alertname: {alert}\n        exp_alerts:\n          - exp_labels:", tests);
        }
    }

    /// <summary>Empties the first non-empty exp_alerts list; returns its alert name and the edited file.</summary>
    private static (string Alert, string Yaml) DropFirstFiringExpectation(string[] lines)
    {
        var at = Array.FindIndex(lines, l => l.Trim() == "exp_alerts:");
        Assert.True(at > 0, "no firing case in the tests file");
        var alert = lines[at - 1].Trim()["alertname: ".Length..];
        var indent = lines[at].Length - lines[at].TrimStart().Length;
        var end = at + 1;
        while (end < lines.Length && lines[end].Length - lines[end].TrimStart().Length > indent)
        {
            end++;
        }

        var kept = lines[..at].Append(lines[at] + " []").Concat(lines[end..]);
        return (alert, string.Join('\n', kept) + "\n");
    }
}
