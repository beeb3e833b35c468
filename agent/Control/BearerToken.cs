using System.Security.Cryptography;
using System.Text;
using Flowgen.Contract;

namespace Flowgen.Control;

/// <summary>
/// The secret that control requests must present as <c>Authorization: Bearer TOKEN</c>. Compared
/// as SHA-256 digests in constant time, so neither the content nor the length leaks by timing.
/// </summary>
internal sealed class BearerToken
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _digest;

    public BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _digest = Digest(token.Trim());
    }

    /// <summary>The file's content, trimmed (a mounted Secret often ends with a newline).</summary>
    public static BearerToken FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the token file {path}: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(text))
            throw new UsageException($"the token file {path} is empty: it must hold the bearer token for control requests");
        return new BearerToken(text);
    }

    /// <summary>True when the Authorization header's value is "Bearer " and this token.</summary>
    public bool Accepts(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        return CryptographicOperations.FixedTimeEquals(Digest(authorization[Scheme.Length..].Trim()), _digest);
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
