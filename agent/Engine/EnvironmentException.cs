namespace Flowgen.Engine;

/// <summary>
/// The host can't do what was asked: not privileged, kernel too old, interface missing or
/// unable to take XDP frames. The message names the problem and the fix; the CLI exits 3.
/// </summary>
internal sealed class EnvironmentException(string message) : Exception(message);
