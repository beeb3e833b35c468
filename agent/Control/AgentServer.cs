using System.Text.Encodings.Web;
using System.Text.Json;
using Flowgen.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Flowgen.Control;

/// <summary>The agent's Kestrel server: where it listens and how it logs.</summary>
internal static class AgentServer
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static WebApplication Create(AgentOptions options) =>
        HttpListenerHost.Create(options.Bind, options.Port, logging => ConfigureLogging(logging, options.LogJson));

    /// <summary>Starts listening; a port that can't be had is the environment's problem (exit 3).</summary>
    public static Task StartAsync(WebApplication app, AgentOptions options) =>
        HttpListenerHost.StartAsync(app, options.Bind, options.Port);

    private static void ConfigureLogging(ILoggingBuilder logging, bool json)
    {
        if (json)
        {
            logging.AddJsonConsole(console =>
            {
                console.UseUtcTimestamp = true;
                console.TimestampFormat = Timestamp;
                console.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else
        {
            logging.AddSimpleConsole(simple =>
            {
                simple.SingleLine = true;
                simple.UseUtcTimestamp = true;
                simple.TimestampFormat = Timestamp + " ";
            });
        }
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
        // It would log a failure to listen with a stack trace; StartAsync reports it in one line.
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
    }
}
