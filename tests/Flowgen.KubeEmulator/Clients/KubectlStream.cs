using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Flowgen.KubeEmulator.Clients;

/// <summary>
/// A kubectl that keeps running, such as <c>kubectl get tf -w</c>: its output lines as they arrive. Disposing
/// kills it.
/// </summary>
public sealed class KubectlStream : IAsyncDisposable
{
    private readonly Process process;
    private readonly IReadOnlyList<string> arguments;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();
    private readonly List<string> seen = [];
    private readonly StringBuilder standardError = new();
    private readonly Task pumps;

    internal KubectlStream(Process process, IReadOnlyList<string> arguments)
    {
        this.process = process;
        this.arguments = arguments;
        pumps = Task.WhenAll(PumpOutputAsync(), PumpErrorAsync());
    }

    /// <summary>Every line printed so far, including those not yet read.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (seen) return seen.ToList(); }
    }

    public string StandardError
    {
        get { lock (standardError) return standardError.ToString(); }
    }

    /// <summary>The next line printed; throws <see cref="KubectlException"/> with the output so far if none comes in time or kubectl exits.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await lines.Reader.ReadAsync(cancel.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw Failure(cancel.IsCancellationRequested ? $"no line within {timeout}" : "kubectl exited");
        }
    }

    /// <summary>Reads lines until one matches <paramref name="match"/>, and returns it.</summary>
    public async Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw Failure($"no matching line within {timeout}");
            var line = await ReadLineAsync(left);
            if (match(line)) return line;
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Waits for kubectl to end by itself; throws <see cref="KubectlException"/> with its output if it runs past <paramref name="timeout"/>.</summary>
    public async Task<KubectlResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw Failure($"still running after {timeout}");
        }
        await pumps;
        return new KubectlResult(arguments, process.ExitCode, string.Join('\n', Lines), StandardError);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await pumps;
        process.Dispose();
    }

    private KubectlException Failure(string what) => new(
        $"kubectl {string.Join(' ', arguments)}: {what}\n--- stdout so far ---\n{string.Join('\n', Lines)}\n--- stderr ---\n{StandardError}");

    private async Task PumpOutputAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (seen) seen.Add(line);
            lines.Writer.TryWrite(line);
        }
        lines.Writer.TryComplete();
    }

    private async Task PumpErrorAsync()
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            lock (standardError) standardError.AppendLine(line);
        }
    }
}
