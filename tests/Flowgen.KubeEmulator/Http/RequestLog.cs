using System.Collections.Concurrent;

namespace Flowgen.KubeEmulator.Http;

/// <summary>One request as the emulator received it, for assertions on what a client did.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}

internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public void Add(RecordedRequest request) => requests.Enqueue(request);

    public IReadOnlyList<RecordedRequest> Snapshot() => requests.ToArray();
}
