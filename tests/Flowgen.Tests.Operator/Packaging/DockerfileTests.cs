using System.Diagnostics;
using Flowgen.Tests.Operator.Api;

namespace Flowgen.Tests.Operator.Packaging;

/// <summary>
/// No Docker engine runs here, so the images are not built; instead every step their Dockerfiles
/// run is a repo script, and these tests run those scripts.
/// </summary>
public sealed class DockerfileTests : IClassFixture<DockerfileTests.Published>
{
    private readonly Published _published;

    public DockerfileTests(Published published) => _published = published;

    [Fact]
    public void DockerfilesCallOnlyExistingExecutableScripts()
    {
        var result = Shell.Run("bash", [Path.Combine(RepoFiles.Root, "scripts", "check-dockerfiles.sh")]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("scripts/publish.sh ok", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishAgentProducesFlowgen()
    {
        Assert.True(_published.Agent.ExitCode == 0, _published.Agent.Output);
        Assert.True(File.Exists(Path.Combine(_published.AgentDir, "flowgen.dll")), _published.Agent.Output);
        Assert.True(File.Exists(Path.Combine(_published.AgentDir, "flowgen")), _published.Agent.Output);

        var version = Shell.Run("dotnet", [Path.Combine(_published.AgentDir, "flowgen.dll"), "--version"]);
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.StartsWith("flowgen", version.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void PublishOperatorProducesFlowgenOperator()
    {
        Assert.True(_published.Operator.ExitCode == 0, _published.Operator.Output);
        Assert.True(File.Exists(Path.Combine(_published.OperatorDir, "flowgen-operator.dll")), _published.Operator.Output);

        var help = Shell.Run("dotnet", [Path.Combine(_published.OperatorDir, "flowgen-operator.dll"), "--help"]);
        Assert.Contains("flowgen-operator", help.Output, StringComparison.Ordinal);
    }

    /// <summary>Publishes the agent and the operator once for the class, concurrently, into a temp directory.</summary>
    public sealed class Published : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("flowgen-publish-").FullName;

        public Published()
        {
            AgentDir = Path.Combine(_root, "agent");
            OperatorDir = Path.Combine(_root, "operator");
            var agent = Task.Run(() => Shell.Run("bash", [Path.Combine(RepoFiles.Root, "scripts", "publish.sh"), "agent", AgentDir]));
            var op = Task.Run(() => Shell.Run("bash", [Path.Combine(RepoFiles.Root, "scripts", "publish.sh"), "operator", OperatorDir]));
            Agent = agent.GetAwaiter().GetResult();
            Operator = op.GetAwaiter().GetResult();
        }

        public string AgentDir { get; }

        public string OperatorDir { get; }

        public Shell.Result Agent { get; }

        public Shell.Result Operator { get; }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }

    public static class Shell
    {
        public sealed record Result(int ExitCode, string Output);

        public static Result Run(string file, IReadOnlyList<string> args)
        {
            var info = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = RepoFiles.Root,
            };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            // A nested dotnet must not inherit the test host's MSBuild and runtime settings.
            foreach (var name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
            {
                info.Environment.Remove(name);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes");
            }

            return new Result(process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
        }
    }
}
