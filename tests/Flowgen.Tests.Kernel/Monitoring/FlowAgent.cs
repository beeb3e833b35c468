using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Flowgen.Tests.Kernel.Agent;
using Flowgen.Tests.Kernel.TestBed;

namespace Flowgen.Tests.Kernel.Monitoring;

/// <summary>
/// <c>flowgen agent --flow NAME …</c> on the veth bed, as the operator starts it in an agent pod: the
/// flow name is a label of every series. (<see cref="AgentProcess"/> starts agents without one.)
/// Disposing kills it if it still runs and deletes its token file.
/// </summary>
public sealed class FlowAgent : IAsyncDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    readonly FlowgenProcess _process;
    readonly DirectoryInfo _directory;
    readonly HttpClient _http;

    FlowAgent(FlowgenProcess process, DirectoryInfo directory, HttpClient http, int port)
    {
        _process = process;
        _directory = directory;
        _http = http;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the agent in the generator namespace and returns once it is armed (/readyz answers 200).</summary>
    public static async Task<FlowAgent> StartArmedAsync(VethTestBed bed, string flow)
    {
        var directory = Directory.CreateTempSubdirectory("flowgen-agent-");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var tokenFile = Path.Combine(directory.FullName, "token");
        await File.WriteAllTextAsync(tokenFile, token);
        var port = FreePort.OnLoopback(bed.GeneratorNamespace);
        var process = FlowgenProcess.Start(bed.GeneratorNamespace,
            ["agent", "--port", $"{port}", "--bind", "127.0.0.1", "--token-file", tokenFile, "--flow", flow, "--", .. BedAgent.UdpJob(bed)]);
        var http = NamespaceHttp.ToLoopback(bed.GeneratorNamespace, port);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var agent = new FlowAgent(process, directory, http, port);
        try
        {
            await agent.WaitUntilArmedAsync();
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>POST /v1/start.</summary>
    public Task StartAsync() => PostAsync("v1/start");

    /// <summary>POST /v1/stop: the job stops and frees its BPF objects.</summary>
    public Task StopAsync() => PostAsync("v1/stop");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    async Task PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, null);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /{path} answered {(int)response.StatusCode}: " +
                $"{await response.Content.ReadAsStringAsync()}\n{_process.Describe()}");
    }

    async Task WaitUntilArmedAsync()
    {
        var deadline = DateTime.UtcNow + BedAgent.Patience;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (!ProcessTree.IsAlive(_process.Id) || DateTime.UtcNow >= deadline)
                throw new InvalidOperationException($"the agent did not arm within {BedAgent.Patience.TotalSeconds} s\n{_process.Describe()}");
            await Task.Delay(Poll);
        }
    }
}
