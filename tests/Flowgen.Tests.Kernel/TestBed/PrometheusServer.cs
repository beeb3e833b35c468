using System.Globalization;
using System.Net;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>) inside a test namespace, listening on that
/// namespace's loopback and scraping one target there every second. It keeps its configuration
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
    public static async Task<PrometheusServer> StartAsync(string ns, int targetPort, int? listenPort = null)
    {
        var executable = ToolRequirement.Ensure("prometheus", Install);
        var port = listenPort ?? FreePort.OnLoopback(ns);
        var directory = Directory.CreateTempSubdirectory("flowgen-prometheus-");
        ChildProcess? process = null;
        HttpClient? http = null;
        try
        {
            var config = Path.Combine(directory.FullName, "prometheus.yml");
            await File.WriteAllTextAsync(config, Config(targetPort));
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
            query += $"&time={(time.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture)}";
        using var response = await _http.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"query `{expression}` answered {(int)response.StatusCode}: {body}");
        return PrometheusQueryResult.Parse(body, expression);
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

    static string Config(int targetPort) =>
        $"""
        global:
          scrape_interval: {ScrapeInterval.TotalSeconds}s
          scrape_timeout: {ScrapeInterval.TotalSeconds}s
          evaluation_interval: {ScrapeInterval.TotalSeconds}s
        scrape_configs:
          - job_name: {Job}
            static_configs:
              - targets: ['127.0.0.1:{targetPort}']
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
