using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Flowgen.Interop;

namespace Flowgen.Cli.Demo;

/// <summary>
/// This same flowgen binary run as a child in a network namespace (`ip netns exec NS flowgen …
/// --json`), its JSON lines delivered as they come. The child stops by itself if the demo dies.
/// </summary>
internal sealed class FlowgenChild : IDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private FlowgenChild(Process process)
    {
        _process = process;
        _stdout = Task.Run(ReadLinesAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static FlowgenChild Start(string ns, params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "netns", "exec", ns }.Concat(SelfCommand()).Concat(args))
            start.ArgumentList.Add(arg);
        start.Environment[StopRequests.ExitWithParentVariable] = "1";
        return new FlowgenChild(Process.Start(start) ?? throw new InvalidOperationException("cannot start flowgen"));
    }

    /// <summary>How to run this binary again: the apphost itself, or `dotnet flowgen.dll`.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [host, Assembly.GetExecutingAssembly().Location]
            : [host];
    }

    /// <summary>The next JSON line, or null once the child has exited.</summary>
    public async Task<JsonElement?> ReadAsync(CancellationToken ct)
    {
        while (await _lines.Reader.WaitToReadAsync(ct))
        {
            if (_lines.Reader.TryRead(out JsonElement line))
                return line;
        }
        return null;
    }

    /// <summary>Reads lines until one has the given "event"; null when the child exits first.</summary>
    public async Task<JsonElement?> WaitForEventAsync(string name, CancellationToken ct)
    {
        while (await ReadAsync(ct) is { } line)
        {
            if (line.GetProperty("event").GetString() == name)
                return line;
        }
        return null;
    }

    public void Interrupt() => LibcProcesses.Signal(_process.Id, LibcProcesses.SigInt);

    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        await _stdout;
        return (_process.ExitCode, await _stderr);
    }

    private async Task ReadLinesAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } text)
        {
            if (text.StartsWith('{'))
                _lines.Writer.TryWrite(JsonDocument.Parse(text).RootElement.Clone());
        }
        _lines.Writer.TryComplete();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
