namespace Flowgen.Tests.Operator.Runtime;

/// <summary>Polls a condition that asynchronous runtime parts make true.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task True(Func<bool> condition, string? what = null, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? Patience);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not met in time: {what ?? "condition"}");
            await Task.Delay(10);
        }
    }
}
