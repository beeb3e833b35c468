namespace Flowgen.Interop;

/// <summary>The errno values Flowgen reacts to (Linux, all architectures it runs on).</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int ENXIO = 6;
    public const int E2BIG = 7;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int EMSGSIZE = 90;
    public const int EOPNOTSUPP = 95;
    public const int ENETDOWN = 100;

    /// <summary>"EOPNOTSUPP (Operation not supported)" — the name users search for, and the text.</summary>
    public static string Describe(int errno)
    {
        string text = System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno);
        string? name = Name(errno);
        return name is null ? $"errno {errno} ({text})" : $"{name} ({text})";
    }

    public static string? Name(int errno) => errno switch
    {
        EPERM => "EPERM", ENOENT => "ENOENT", ESRCH => "ESRCH", EINTR => "EINTR", ENXIO => "ENXIO",
        E2BIG => "E2BIG", EBADF => "EBADF", EAGAIN => "EAGAIN", EACCES => "EACCES", EBUSY => "EBUSY",
        ENODEV => "ENODEV", EINVAL => "EINVAL", EMSGSIZE => "EMSGSIZE", EOPNOTSUPP => "EOPNOTSUPP",
        ENETDOWN => "ENETDOWN", _ => null,
    };
}
