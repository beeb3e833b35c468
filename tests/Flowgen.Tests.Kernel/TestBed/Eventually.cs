namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>Polls a reading until it satisfies a condition, for kernel state that settles shortly after an event.</summary>
public static class Eventually
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="within"/> has passed; returns the last reading.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline)
                return value;
            await Task.Delay(Poll);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; throws if it still does not after <paramref name="within"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan within)
    {
        if (!await ReadAsync(condition, holds => holds, within))
            throw new TimeoutException($"waited {within.TotalSeconds:0.#} s for {what}");
    }
}
