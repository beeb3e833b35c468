namespace Flowgen.Packets;

/// <summary>Fills a payload by repeating a pattern; the default pattern makes byte i equal (byte)i.</summary>
internal static class PayloadFiller
{
    private static readonly byte[] DefaultPattern = CreateDefaultPattern();

    public static void Fill(Span<byte> payload, ReadOnlySpan<byte> pattern)
    {
        if (pattern.IsEmpty)
        {
            pattern = DefaultPattern;
        }

        while (payload.Length >= pattern.Length)
        {
            pattern.CopyTo(payload);
            payload = payload[pattern.Length..];
        }

        pattern[..payload.Length].CopyTo(payload);
    }

    private static byte[] CreateDefaultPattern()
    {
        var pattern = new byte[256];
        for (int i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (byte)i;
        }

        return pattern;
    }
}
