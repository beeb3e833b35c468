using System.Diagnostics;
using Flowgen.Interop;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// A long-running process, optionally inside a network namespace and with extra environment
/// variables, whose output a test watches while it runs. Disposing kills it if it is still running.
/// </summary>
public class ChildProcess : IAsyncDisposable
{
    static readonly TimeSpan ExitAfterKill = TimeSpan.FromSeconds(10);
    readonly Process _process;
    readonly LineLog _stdout = new();
    readonly LineLog _stderr = new();

    protected ChildProcess(string? ns, IReadOnlyDictionary<string, string>? environment, string file, IEnumerable<string> args)
    {
        // env resets every signal to its default, then execs (the pid stays). A test runner started
        // with SIGINT ignored (nohup, `&` in a script) passes that on to its children, and .NET keeps
        // an inherited ignored SIGINT ignored, so Signal("INT") would otherwise do nothing.
        IEnumerable<string> assignments = environment?.Select(pair => $"{pair.Key}={pair.Value}") ?? [];
        var (wrappedFile, wrappedArgs) = Netns.Wrap(ns, "env", ["--default-signal", .. assignments, file, .. args]);
        var startInfo = Command.CreateStartInfo(wrappedFile, wrappedArgs);
        CommandLine = Command.Describe(startInfo);
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        try
        {
            _process.Start();
        }
        catch
        {
            _process.Dispose();
            throw;
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static ChildProcess Start(string? ns, string file, params string[] args) => new(ns, null, file, args);

    public string CommandLine { get; }

    public int Id => _process.Id;

    public IReadOnlyList<string> StdoutLines => _stdout.Lines;

    public string Stdout => _stdout.Text;

    public string Stderr => _stderr.Text;

    /// <summary>
    /// The first stdout line that matches. Throws with everything printed so far on timeout or
    /// when the process closes its output without printing one.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await _stdout.WaitForAsync(match, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching line within {timeout.TotalSeconds:0.#} s\n{Describe()}");
        }
        if (line is not null)
            return line;
        await WaitForExitQuietlyAsync();
        throw new InvalidOperationException($"the process ended without printing a matching line\n{Describe()}");
    }

    /// <summary>The exit code, once all output is collected. On timeout kills the process and throws.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Command.KillTree(_process);
            await WaitForExitQuietlyAsync();
            throw new TimeoutException($"did not exit within {timeout.TotalSeconds:0.#} s, killed\n{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>Like <see cref="WaitForExitAsync"/>, with the command line and all output.</summary>
    public async Task<ProcessResult> WaitForResultAsync(TimeSpan timeout)
    {
        var exitCode = await WaitForExitAsync(timeout);
        return new ProcessResult(CommandLine, exitCode, Stdout, Stderr);
    }

    /// <summary>
    /// Sends a signal by name (INT, TERM, KILL, …) with kill(2), so it is sent when this returns:
    /// the kill command took 0.6–1 s the first time in a test process, which spoilt timing tests.
    /// </summary>
    public void Signal(string name)
    {
        var number = SignalNumbers.Of(name);
        // Once reaped, the pid may belong to someone else.
        if (_process.HasExited || !LibcProcesses.Signal(Id, number))
            throw new InvalidOperationException($"cannot send SIG{name}: the process has exited\n{Describe()}");
    }

    /// <summary>The command line, exit state and all output, for failure messages.</summary>
    public string Describe()
    {
        var state = _process.HasExited ? $"exit code {_process.ExitCode}" : "still running";
        return $"`{CommandLine}` (pid {Id}, {state})\n--- stdout ---\n{_stdout.Text}\n--- stderr ---\n{_stderr.Text}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                Command.KillTree(_process);
            await WaitForExitQuietlyAsync();
        }
        finally
        {
            _process.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    static void Collect(LineLog log, string? line)
    {
        if (line is null)
            log.End();
        else
            log.Add(line);
    }

    async Task WaitForExitQuietlyAsync()
    {
        using var deadline = new CancellationTokenSource(ExitAfterKill);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"test bed: pid {Id} did not exit within {ExitAfterKill.TotalSeconds} s of being killed");
        }
    }
}
