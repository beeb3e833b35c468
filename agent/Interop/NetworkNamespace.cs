using System.Runtime.InteropServices;

namespace Flowgen.Interop;

/// <summary>
/// Runs work inside a named network namespace (`ip netns add NAME`). setns() moves only the
/// calling thread, so the work runs on a dedicated thread that never awaits; what it creates
/// there (sockets, links) stays bound to that namespace after the thread ends.
/// </summary>
internal static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;
    private const string NamedNamespaceDirectory = "/var/run/netns";

    [LibraryImport(Libraries.Libc, EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);

    public static T Run<T>(string name, Func<T> work)
    {
        string path = Path.Combine(NamedNamespaceDirectory, name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"network namespace '{name}' does not exist ({path})");

        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (var ns = File.OpenHandle(path, FileMode.Open, FileAccess.Read))
                {
                    if (SetNs((int)ns.DangerousGetHandle(), CloneNewNet) != 0)
                        throw new NativeException($"entering network namespace '{name}'", Marshal.GetLastPInvokeError());
                }
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = $"netns:{name}" };
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new InvalidOperationException($"work in network namespace '{name}' failed: {failure.Message}", failure);
        return result!;
    }
}
