namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Lines of one output stream as they arrive, safe to read and wait on from any thread.</summary>
public sealed class LineLog
{
    readonly Lock _gate = new();
    readonly List<string> _lines = [];
    TaskCompletionSource _changed = NewSignal();
    bool _ended;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
                return _lines.ToArray();
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Add(string line) => Change(() => _lines.Add(line));

    /// <summary>The stream is closed: no more lines will come.</summary>
    public void End() => Change(() => _ended = true);

    /// <summary>The first line, earlier or later, that matches; null if the stream ends without one.</summary>
    public async Task<string?> WaitForAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        var next = 0;
        while (true)
        {
            string[] fresh;
            bool ended;
            Task changed;
            lock (_gate)
            {
                fresh = _lines.Skip(next).ToArray();
                next = _lines.Count;
                ended = _ended;
                changed = _changed.Task;
            }
            if (fresh.FirstOrDefault(match) is { } line)
                return line;
            if (ended)
                return null;
            await changed.WaitAsync(cancellationToken);
        }
    }

    void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = NewSignal();
        }
        changed.SetResult();
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
