namespace Flowgen.Interop;

/// <summary>A failed native call: what was being done, and the errno it failed with.</summary>
internal sealed class NativeException : Exception
{
    public NativeException(string operation, int errno)
        : base($"{operation} failed: {Interop.Errno.Describe(errno)}")
    {
        Operation = operation;
        Errno = errno;
    }

    public string Operation { get; }

    public int Errno { get; }
}
