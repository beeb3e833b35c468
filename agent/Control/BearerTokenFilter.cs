using Flowgen.Contract;
using Microsoft.AspNetCore.Http;

namespace Flowgen.Control;

/// <summary>Lets a control request through only with the right bearer token; else 401, and nothing runs.</summary>
internal sealed class BearerTokenFilter(BearerToken token) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        var authorization = http.Request.Headers.Authorization;
        if (authorization.Count == 1 && token.Accepts(authorization[0]))
            return next(context);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(ControlApi.Error(StatusCodes.Status401Unauthorized,
            "control requests need 'Authorization: Bearer TOKEN' with the token from the agent's --token-file"));
    }
}
