using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Flowgen.Contract;
using Flowgen.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flowgen.Control;

/// <summary>The agent's Kestrel server: where it listens, how it logs, and no signal handling of its own.</summary>
internal static class AgentServer
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static WebApplication Create(AgentOptions options)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.Bind is { } address)
                kestrel.Listen(address, options.Port);
            else
                kestrel.ListenAnyIP(options.Port);
        });

        builder.Logging.ClearProviders();
        if (options.LogJson)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = Timestamp;
                json.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(simple =>
            {
                simple.SingleLine = true;
                simple.UseUtcTimestamp = true;
                simple.TimestampFormat = Timestamp + " ";
            });
        }
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        // It would log a failure to listen with a stack trace; StartAsync reports it in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

        // StopRequests owns SIGINT and SIGTERM: they must stop the job first, then the server.
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        return builder.Build();
    }

    /// <summary>Starts listening; a port that can't be had is the environment's problem (exit 3).</summary>
    public static async Task StartAsync(WebApplication app, AgentOptions options)
    {
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            string where = options.Bind is { } address ? new IPEndPoint(address, options.Port).ToString() : $"port {options.Port}";
            throw new EnvironmentException($"cannot listen on {where}: {e.Message}");
        }
    }

    private sealed class NoSignalLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
