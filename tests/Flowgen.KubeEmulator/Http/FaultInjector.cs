using Flowgen.KubeEmulator.Api;

namespace Flowgen.KubeEmulator.Http;

/// <summary>One-shot failures queued by tests: the next matching request fails with the given code.</summary>
internal sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<(string Method, string PathContains, int StatusCode)> pending = [];

    public void Add(string method, string pathContains, int statusCode)
    {
        lock (gate) pending.Add((method, pathContains, statusCode));
    }

    public void ThrowIfInjected(string method, string path)
    {
        lock (gate)
        {
            var index = pending.FindIndex(f =>
                string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) &&
                path.Contains(f.PathContains, StringComparison.Ordinal));
            if (index < 0) return;
            var fault = pending[index];
            pending.RemoveAt(index);
            throw Errors.Injected(fault.StatusCode);
        }
    }
}
