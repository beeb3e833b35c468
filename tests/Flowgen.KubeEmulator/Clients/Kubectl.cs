using System.Diagnostics;

namespace Flowgen.KubeEmulator.Clients;

/// <summary>
/// Runs the real <c>kubectl</c> against an emulator, isolated from the machine: its own kubeconfig (the emulator's
/// loopback URL, plain http, no credentials), its own discovery cache (<c>--cache-dir</c>) and its own
/// <c>HOME</c>, all in a temporary directory that <see cref="Dispose"/> deletes.
/// <para>
/// The emulator publishes no OpenAPI documents, so client-side validation (kubectl's default for apply and create)
/// cannot download a schema and fails: pass <see cref="NoValidation"/> to <c>apply</c> and <c>create -f</c>.
/// The server still validates custom resources against their CRD schema.
/// </para>
/// </summary>
public sealed class Kubectl : IDisposable
{
    /// <summary>Turns off client-side schema validation, which needs the OpenAPI documents the emulator does not serve.</summary>
    public const string NoValidation = "--validate=false";

    private readonly string directory;

    public Kubectl(Uri server, string defaultNamespace = "default")
    {
        Executable = FindExecutable();
        directory = Directory.CreateTempSubdirectory("flowgen-kubectl-").FullName;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(KubeconfigPath, Kubeconfig(server, defaultNamespace));
    }

    public static Kubectl For(KubeApiEmulator emulator, string defaultNamespace = "default") =>
        new(emulator.BaseAddress, defaultNamespace);

    /// <summary>The kubectl found on PATH.</summary>
    public string Executable { get; }

    public string KubeconfigPath { get; }

    /// <summary>How long one run may take before it is killed and reported; a safety net, not a measurement.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Runs kubectl to its end; throws <see cref="KubectlException"/> with its output unless it exits 0.</summary>
    public async Task<KubectlResult> RunAsync(params string[] arguments) => Succeeded(await ExecuteAsync(null, arguments));

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="standardInput"/> fed in (for <c>-f -</c>).</summary>
    public async Task<KubectlResult> RunWithInputAsync(string standardInput, params string[] arguments) =>
        Succeeded(await ExecuteAsync(standardInput, arguments));

    /// <summary>Runs kubectl to its end and returns how it ended, whatever the exit code.</summary>
    public Task<KubectlResult> TryRunAsync(params string[] arguments) => ExecuteAsync(null, arguments);

    /// <summary>Starts a kubectl that keeps running (<c>get -w</c>, <c>wait</c>, <c>delete --wait</c>) and streams its lines.</summary>
    public KubectlStream Start(params string[] arguments)
    {
        var process = Launch(arguments);
        process.StandardInput.Close();
        return new KubectlStream(process, arguments);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl still writing its cache; the temporary directory is left to the OS.
        }
    }

    private static KubectlResult Succeeded(KubectlResult result) =>
        result.Succeeded ? result : throw new KubectlException(result.ToString());

    private async Task<KubectlResult> ExecuteAsync(string? standardInput, string[] arguments)
    {
        using var process = Launch(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new KubectlException($"timed out after {Timeout}: " +
                new KubectlResult(arguments, -1, await output, await error));
        }
        return new KubectlResult(arguments, process.ExitCode, await output, await error);
    }

    private Process Launch(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add($"--kubeconfig={KubeconfigPath}");
        start.ArgumentList.Add($"--cache-dir={Path.Combine(directory, "cache")}");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["HOME"] = directory;
        start.Environment["KUBECONFIG"] = KubeconfigPath;
        return Process.Start(start) ?? throw new KubectlException($"could not start {Executable}");
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                   .Select(dir => Path.Combine(dir, "kubectl"))
                   .FirstOrDefault(File.Exists)
               ?? throw new KubectlException(
                   "kubectl is not installed (not on PATH). These tests run the real kubectl against the API emulator: " +
                   "install kubectl v1.32 (e.g. the Kubernetes apt repository's kubectl package) and run them again.");
    }

    private static string Kubeconfig(Uri server, string defaultNamespace) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: emulator
          cluster:
            server: {server.GetLeftPart(UriPartial.Authority)}
        users:
        - name: emulator
          user: {"{}"}
        contexts:
        - name: emulator
          context:
            cluster: emulator
            user: emulator
            namespace: {defaultNamespace}
        current-context: emulator
        """;
}
