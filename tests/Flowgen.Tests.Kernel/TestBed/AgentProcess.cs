using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Flowgen.Contract;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>An HTTP answer as the test saw it.</summary>
public sealed record AgentResponse(HttpStatusCode Status, string Body);

/// <summary>
/// <c>flowgen agent</c> in a test namespace, listening on that namespace's loopback, with a token
/// file of its own; typed calls to its HTTP API. Disposing kills it if it still runs and deletes
/// the token file.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    readonly DirectoryInfo _directory;
    readonly HttpClient _http;

    AgentProcess(FlowgenProcess process, DirectoryInfo directory, HttpClient http, int port, string token)
    {
        Process = process;
        _directory = directory;
        _http = http;
        Port = port;
        Token = token;
    }

    public FlowgenProcess Process { get; }

    public int Port { get; }

    public string Token { get; }

    /// <summary>
    /// Starts <c>flowgen agent --port P --bind 127.0.0.1 --token-file F --log-json [--grace G] [--flow NAME] -- JOB…</c>
    /// in <paramref name="ns"/>, and returns once /healthz answers. The flow name, as the operator gives it, labels every series.
    /// </summary>
    public static async Task<AgentProcess> StartAsync(string ns, IReadOnlyList<string> job, TimeSpan? grace = null, string? flow = null)
    {
        var directory = Directory.CreateTempSubdirectory("flowgen-agent-");
        FlowgenProcess? process = null;
        HttpClient? http = null;
        try
        {
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            var tokenFile = Path.Combine(directory.FullName, "token");
            // The directory is 0700, as Directory.CreateTempSubdirectory makes them on Unix.
            await File.WriteAllTextAsync(tokenFile, token + "\n");
            var port = FreePort.OnLoopback(ns);
            string[] graceOption = grace is { } g ? ["--grace", $"{g.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"] : [];
            string[] flowOption = flow is null ? [] : ["--flow", flow];
            process = FlowgenProcess.Start(ns,
                ["agent", "--port", $"{port}", "--bind", "127.0.0.1", "--token-file", tokenFile, "--log-json", .. graceOption, .. flowOption, "--", .. job]);
            http = NamespaceHttp.ToLoopback(ns, port);
            var agent = new AgentProcess(process, directory, http, port, token);
            await agent.WaitUntilServingAsync();
            return agent;
        }
        catch
        {
            http?.Dispose();
            if (process is not null)
                await process.DisposeAsync();
            directory.Delete(recursive: true);
            throw;
        }
    }

    public async Task<AgentStatus> StatusAsync()
    {
        var response = await EnsureOkAsync(HttpMethod.Get, "v1/status");
        return System.Text.Json.JsonSerializer.Deserialize<AgentStatus>(response.Body, ContractJson.Options)
            ?? throw new InvalidOperationException($"/v1/status answered null\n{Describe()}");
    }

    /// <summary>POST /v1/start, with <c>{"startAt": …}</c> when given; throws unless it succeeds.</summary>
    public Task StartAsync(DateTimeOffset? startAt = null) =>
        EnsureOkAsync(HttpMethod.Post, "v1/start", startAt is null ? null : JsonContent.Create(new StartRequest(startAt), options: ContractJson.Options));

    public Task StopAsync() => EnsureOkAsync(HttpMethod.Post, "v1/stop");

    public Task ReleaseAsync() => EnsureOkAsync(HttpMethod.Post, "v1/release");

    public async Task<string> MetricsTextAsync() => (await EnsureOkAsync(HttpMethod.Get, "metrics", authorize: false)).Body;

    /// <summary>/metrics, parsed.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> MetricsAsync() => PrometheusText.Parse(await MetricsTextAsync());

    public async Task<HttpStatusCode> ReadyAsync() => (await SendAsync(HttpMethod.Get, "readyz", authorization: null)).Status;

    /// <summary>
    /// A request with exactly the given Authorization header value (null: none), for the checks
    /// that wrong or missing tokens are refused.
    /// </summary>
    public async Task<AgentResponse> SendAsync(HttpMethod method, string path, string? authorization, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await _http.SendAsync(request);
        return new AgentResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The "Bearer …" header value of this agent's token.</summary>
    public string Authorization => new AuthenticationHeaderValue("Bearer", Token).ToString();

    /// <summary>Polls /v1/status until <paramref name="done"/> holds; throws with the last status and the agent's output on timeout.</summary>
    public async Task<AgentStatus> WaitForStateAsync(Func<AgentStatus, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await StatusAsync();
            if (done(status))
                return status;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"the agent's status did not reach the expected state within {timeout.TotalSeconds:0.#} s; last: {Show(status)}\n{Describe()}");
            await Task.Delay(Poll);
        }
    }

    public static string Show(AgentStatus status) => System.Text.Json.JsonSerializer.Serialize(status, ContractJson.Options);

    public string Describe() => Process.Describe();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Process.DisposeAsync();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"test bed: could not delete {_directory.FullName}: {e.Message}");
        }
    }

    async Task<AgentResponse> EnsureOkAsync(HttpMethod method, string path, HttpContent? content = null, bool authorize = true)
    {
        var response = await SendAsync(method, path, authorize ? Authorization : null, content);
        return response.Status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices
            ? response
            : throw new InvalidOperationException($"{method} /{path} answered {(int)response.Status}: {response.Body}\n{Describe()}");
    }

    async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            try
            {
                if ((await SendAsync(HttpMethod.Get, "healthz", authorization: null)).Status == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (!ProcessTree.IsAlive(Process.Id))
                throw new InvalidOperationException($"the agent exited before it served /healthz\n{Describe()}");
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"the agent did not serve /healthz within {StartupLimit.TotalSeconds} s\n{Describe()}");
            await Task.Delay(Poll);
        }
    }
}
