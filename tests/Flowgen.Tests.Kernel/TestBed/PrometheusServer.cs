using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>) inside a test namespace, listening on that
/// namespace's loopback and scraping targets there every second. It keeps its configuration
/// and data in a temporary directory; disposing kills it and deletes the directory.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Job = "flowgen";
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);
    const string Install = "install prometheus (scripts/setup.sh)";
    static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    readonly ChildProcess _process;
    readonly DirectoryInfo _directory;
    readonly HttpClient _http;

    PrometheusServer(ChildProcess process, DirectoryInfo directory, HttpClient http, int port)
    {
        _process = process;
        _directory = directory;
        _http = http;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts Prometheus in <paramref name="ns"/> scraping http://127.0.0.1:<paramref name="targetPort"/>/metrics
    /// as job <see cref="Job"/>, and returns once it is ready. It listens on <paramref name="listenPort"/>,
    /// or on a free port. Skips or fails (in CI) when prometheus is not installed.
    /// </summary>
    public static Task<PrometheusServer> StartAsync(string ns, int targetPort, int? listenPort = null) =>
        StartAsync(ns, [new PrometheusTarget(Job, targetPort)], listenPort);

    /// <summary>
    /// Starts Prometheus in <paramref name="ns"/> scraping every one of <paramref name="targets"/> (on that
    /// namespace's loopback) with its job and labels, and returns once it is ready.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(string ns, IReadOnlyList<PrometheusTarget> targets, int? listenPort = null)
    {
        var executable = ToolRequirement.Ensure("prometheus", Install);
        var port = listenPort ?? FreePort.OnLoopback(ns);
        var directory = Directory.CreateTempSubdirectory("flowgen-prometheus-");
        ChildProcess? process = null;
        HttpClient? http = null;
        try
        {
            var config = Path.Combine(directory.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, Config(targets));
            process = ChildProcess.Start(ns, executable,
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}",
                $"--web.listen-address=127.0.0.1:{port}");
            http = NamespaceHttp.ToLoopback(ns, port);
            var server = new PrometheusServer(process, directory, http, port);
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            http?.Dispose();
            if (process is not null)
                await process.DisposeAsync();
            Delete(directory);
            throw;
        }
    }

    /// <summary>An instant query (/api/v1/query) at <paramref name="at"/>, or now: the samples of its vector (or its one scalar).</summary>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string expression, DateTimeOffset? at = null)
    {
        var query = $"api/v1/query?query={Uri.EscapeDataString(expression)}";
        if (at is { } time)
            query += $"&time={Seconds(time)}";
        return PrometheusQueryResult.Parse(await GetOkAsync(query, expression), expression);
    }

    /// <summary>A range query (/api/v1/query_range) from <paramref name="start"/> to <paramref name="end"/>, one point per <paramref name="step"/>.</summary>
    public async Task<IReadOnlyList<PrometheusSeries>> QueryRangeAsync(string expression, DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        var query = $"api/v1/query_range?query={Uri.EscapeDataString(expression)}&start={Seconds(start)}&end={Seconds(end)}" +
            $"&step={step.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
        return PrometheusSeries.ParseMatrix(await GetOkAsync(query, expression), expression);
    }

    /// <summary>The values of label <paramref name="name"/> on the series that <paramref name="match"/> selects (/api/v1/label/NAME/values).</summary>
    public async Task<IReadOnlyList<string>> LabelValuesAsync(string name, string match)
    {
        var query = $"api/v1/label/{Uri.EscapeDataString(name)}/values?match[]={Uri.EscapeDataString(match)}";
        using var document = JsonDocument.Parse(await GetOkAsync(query, match));
        return document.RootElement.GetProperty("data").EnumerateArray().Select(value => value.GetString() ?? "").ToList();
    }

    /// <summary>The value of a query that must give exactly one sample; throws with what it gave otherwise.</summary>
    public async Task<double> QueryScalarAsync(string expression, DateTimeOffset? at = null)
    {
        var samples = await QueryAsync(expression, at);
        return samples.Count == 1
            ? samples[0].Value
            : throw new InvalidOperationException(
                $"query `{expression}` gave {samples.Count} samples, expected one: [{string.Join("; ", samples)}]");
    }

    /// <summary>
    /// Returns the time of the newest scraped sample of <paramref name="metric"/> once it is at or
    /// after <paramref name="instant"/>; throws after <paramref name="timeout"/>.
    /// </summary>
    public async Task<DateTimeOffset> WaitForScrapeAfterAsync(string metric, DateTimeOffset instant, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var expression = $"max(timestamp({metric}))";
        while (true)
        {
            var samples = await QueryAsync(expression);
            var newest = samples.Count == 1 ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(samples[0].Value * 1000)) : (DateTimeOffset?)null;
            if (newest >= instant)
                return newest.Value;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"no sample of {metric} scraped at or after {instant:O} within {timeout.TotalSeconds:0.#} s " +
                    $"(newest: [{string.Join("; ", samples)}])\n{await TargetsAsync()}\n{Describe()}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>Polls <paramref name="expression"/> until it gives samples, and returns them; throws after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> WaitForSamplesAsync(string expression, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var samples = await QueryAsync(expression);
            if (samples.Count > 0)
                return samples;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"`{expression}` gave no samples within {timeout.TotalSeconds:0.#} s\n{await TargetsAsync()}\n{Describe()}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>/api/v1/targets as Prometheus reports it (health, last error), for failure messages.</summary>
    public async Task<string> TargetsAsync()
    {
        try
        {
            return await _http.GetStringAsync("api/v1/targets");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"(targets unavailable: {e.Message})";
        }
    }

    public string Describe() => _process.Describe();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        Delete(_directory);
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartupLimit;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("-/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (!ProcessTree.IsAlive(_process.Id))
                throw new InvalidOperationException($"prometheus exited before it was ready\n{Describe()}");
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"prometheus was not ready within {StartupLimit.TotalSeconds} s\n{Describe()}");
            await Task.Delay(Poll);
        }
    }

    async Task<string> GetOkAsync(string query, string expression)
    {
        using var response = await _http.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body
            : throw new InvalidOperationException($"query `{expression}` answered {(int)response.StatusCode}: {body}");
    }

    static string Seconds(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    // JSON strings are YAML double-quoted scalars, so names and labels need no YAML escaping of their own.
    static string Config(IReadOnlyList<PrometheusTarget> targets) =>
        $"""
        global:
          scrape_interval: {ScrapeInterval.TotalSeconds}s
          scrape_timeout: {ScrapeInterval.TotalSeconds}s
          evaluation_interval: {ScrapeInterval.TotalSeconds}s
        scrape_configs:
        {string.Concat(targets.Select(ScrapeConfig))}
        """;

    static string ScrapeConfig(PrometheusTarget target) =>
        $"""
          - job_name: {JsonSerializer.Serialize(target.Job)}
            static_configs:
              - targets: ['127.0.0.1:{target.Port}']
                labels: {JsonSerializer.Serialize(target.Labels)}

        """;

    static void Delete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"test bed: could not delete {directory.FullName}: {e.Message}");
        }
    }
}
