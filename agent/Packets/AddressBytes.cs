using System.Net;

namespace Flowgen.Packets;

internal static class AddressBytes
{
    /// <summary>Writes an address that must fill <paramref name="destination"/> exactly.</summary>
    public static void Write(Span<byte> destination, IPAddress address)
    {
        if (!address.TryWriteBytes(destination, out int written) || written != destination.Length)
        {
            throw new ArgumentException($"{address} does not fit a {destination.Length}-byte address field", nameof(address));
        }
    }
}
