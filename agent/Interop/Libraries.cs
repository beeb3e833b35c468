namespace Flowgen.Interop;

/// <summary>The native libraries Flowgen calls into.</summary>
internal static class Libraries
{
    public const string Libc = "libc";
    public const string Libbpf = "libbpf.so.1";
}
