using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Flowgen.Contract;

namespace Flowgen.Operator.Agents;

/// <summary>
/// Talks to one `flowgen agent` over its control API with the flow's bearer token. Bodies are
/// the contract library's types, so the operator reads exactly what the agent writes.
/// </summary>
internal sealed class AgentClient(HttpClient http, Uri agent, string token)
{
    public Uri Address { get; } = agent;

    public Task<AgentStatus> StatusAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "v1/status", content: null, ct);

    /// <summary>Starts the agent at <paramref name="startAt"/> (wall clock); null starts now.</summary>
    public Task<AgentStatus> StartAsync(DateTimeOffset? startAt, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v1/start", JsonContent.Create(new StartRequest(startAt), options: ContractJson.Options), ct);

    /// <summary>POST /v1/rate: a paced job's new rate.</summary>
    public Task<AgentStatus> RateAsync(SendRate rate, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v1/rate", JsonContent.Create(new RateRequest(rate.ToString()), options: ContractJson.Options), ct);

    public Task<AgentStatus> StopAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "v1/stop", content: null, ct);

    /// <summary>Lets a finished agent exit; its final figures must have been read before.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        using HttpResponseMessage response = await http.SendAsync(Request(HttpMethod.Post, "v1/release", null), ct);
        await EnsureAnsweredAsync(response, "v1/release", ct);
    }

    private async Task<AgentStatus> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using HttpResponseMessage response = await http.SendAsync(Request(method, path, content), ct);
        await EnsureAnsweredAsync(response, path, ct);
        return await response.Content.ReadFromJsonAsync<AgentStatus>(ContractJson.Options, ct)
            ?? throw new AgentRequestException(Address, path, response.StatusCode, "the agent answered with an empty body");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(Address, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task EnsureAnsweredAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        string message = response.StatusCode == HttpStatusCode.Unauthorized
            ? "the agent refused the flow's token"
            : await ErrorMessageAsync(response, ct);
        throw new AgentRequestException(Address, path, response.StatusCode, message);
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<AgentError>(ContractJson.Options, ct))?.Error ?? response.ReasonPhrase ?? "no reason given";
        }
        catch (System.Text.Json.JsonException)
        {
            return response.ReasonPhrase ?? "no reason given";
        }
    }
}
