using Flowgen.KubeEmulator.Api;
using Microsoft.AspNetCore.Http;

namespace Flowgen.KubeEmulator.Http;

/// <summary>The single request entry point: log, injected faults, health, discovery, then the resource verbs.</summary>
internal sealed class ApiServer(RequestLog log, FaultInjector faults, DiscoveryHandler discovery, ResourceHandler resources)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        log.Add(new RecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? ""));
        try
        {
            faults.ThrowIfInjected(context.Request.Method, path);
            if (path is "/healthz" or "/readyz" or "/livez")
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            }
            if (discovery.TryHandle(context) is { } document)
            {
                await Responder.WriteAsync(context, 200, document);
                return;
            }
            var request = ResourceRequest.Parse(path) ?? throw Errors.NoSuchResource();
            await resources.HandleAsync(context, request);
        }
        catch (KubeApiException e) when (!context.Response.HasStarted)
        {
            await Responder.WriteErrorAsync(context, e);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            await Responder.WriteErrorAsync(context, new KubeApiException(500, "InternalError", $"Internal error occurred: {e}"));
        }
    }
}
