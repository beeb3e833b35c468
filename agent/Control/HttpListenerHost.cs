using System.Net;
using Flowgen.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flowgen.Control;

/// <summary>
/// A Kestrel server on one port (the agent's control API and metrics, the sink's metrics): where it
/// listens, and no signal handling of its own — StopRequests owns SIGINT and SIGTERM, so that a
/// command stops its work first, then the server.
/// </summary>
internal static class HttpListenerHost
{
    /// <param name="bind">Null: every address.</param>
    /// <param name="logging">Adds the log providers (the builder starts with none).</param>
    public static WebApplication Create(IPAddress? bind, int port, Action<ILoggingBuilder> logging)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (bind is { } address)
                kestrel.Listen(address, port);
            else
                kestrel.ListenAnyIP(port);
        });
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        return builder.Build();
    }

    /// <summary>Starts listening; a port that can't be had is the environment's problem (exit 3).</summary>
    public static async Task StartAsync(WebApplication app, IPAddress? bind, int port)
    {
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            string where = bind is { } address ? new IPEndPoint(address, port).ToString() : $"port {port}";
            throw new EnvironmentException($"cannot listen on {where}: {e.Message}");
        }
    }

    private sealed class NoSignalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
