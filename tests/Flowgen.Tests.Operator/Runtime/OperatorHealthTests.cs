using System.Net;
using Flowgen.Operator.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Flowgen.Tests.Operator.Runtime;

public sealed class OperatorHealthTests
{
    private sealed class Source(string name) : IHealthSource
    {
        public string? Failing { get; set; }

        public string Name => name;

        public string? Problem(DateTimeOffset now) => Failing;
    }

    [Fact]
    public async Task Healthz_answers_503_with_the_reasons_while_any_source_is_unhealthy()
    {
        var health = new OperatorHealth();
        var informer = new Source("informer/pods");
        health.Register(informer);
        health.Register(new Source("leader-election/flowgen"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        health.Map(app);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var healthy = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        informer.Failing = "informer/pods: no event since …";
        var stale = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Contains("informer/pods: no event", await stale.Content.ReadAsStringAsync());
        Assert.False(health.Check().Healthy);
        await app.StopAsync();
    }
}
