using System.Text;
using System.Text.Json.Nodes;
using Flowgen.KubeEmulator.Api;

namespace Flowgen.KubeEmulator.Http;

/// <summary>
/// The emulator speaks JSON, but typed Go clients send protobuf bodies to built-in resources (<c>kubectl create
/// namespace NAME</c> does). This decodes the one shape that needs no type schema: an object whose only content is
/// its metadata (name, generateName, namespace, labels, annotations). Any other protobuf body gets 415.
/// </summary>
internal static class ProtobufMetadataBody
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    // Field numbers of runtime.Unknown, meta.TypeMeta, a top-level object and meta.ObjectMeta in k8s.io/api's .proto files.
    private const int UnknownTypeMeta = 1, UnknownRaw = 2;
    private const int TypeMetaApiVersion = 1, TypeMetaKind = 2;
    private const int ObjectMetadata = 1;
    private const int MetaName = 1, MetaGenerateName = 2, MetaNamespace = 3, MetaLabels = 11, MetaAnnotations = 12;

    public static JsonObject Decode(byte[] body, string contentType)
    {
        if (!body.AsSpan().StartsWith(Magic)) throw Errors.UnsupportedBodyType(contentType);
        var result = new JsonObject();
        byte[]? raw = null;
        foreach (var (field, value) in Fields(body[Magic.Length..], contentType))
        {
            if (field == UnknownTypeMeta)
            {
                foreach (var (f, v) in Fields(value, contentType))
                {
                    if (f == TypeMetaApiVersion) result["apiVersion"] = Text(v);
                    if (f == TypeMetaKind) result["kind"] = Text(v);
                }
            }
            if (field == UnknownRaw) raw = value;
        }
        foreach (var (field, value) in Fields(raw ?? [], contentType))
        {
            if (field == ObjectMetadata) result["metadata"] = Metadata(value, contentType);
            else if (!IsBlank(value, contentType)) throw Errors.UnsupportedBodyType(contentType);
        }
        return result;
    }

    /// <summary>Whether a spec or status holds nothing but empty strings and zeros (a Namespace's <c>status.phase: ""</c>).</summary>
    private static bool IsBlank(byte[] message, string contentType)
    {
        try
        {
            return Fields(message, contentType).All(f => IsBlank(f.Value, contentType));
        }
        catch (KubeApiException)
        {
            return false;
        }
    }

    private static JsonObject Metadata(byte[] message, string contentType)
    {
        var meta = new JsonObject();
        foreach (var (field, value) in Fields(message, contentType).Where(f => f.Value.Length > 0))
        {
            switch (field)
            {
                case MetaName: meta["name"] = Text(value); break;
                case MetaGenerateName: meta["generateName"] = Text(value); break;
                case MetaNamespace: meta["namespace"] = Text(value); break;
                case MetaLabels or MetaAnnotations:
                    var map = meta[field == MetaLabels ? "labels" : "annotations"] as JsonObject ?? new JsonObject();
                    var entry = Fields(value, contentType).ToDictionary(p => p.Field, p => Text(p.Value));
                    map[entry.GetValueOrDefault(1, "")] = entry.GetValueOrDefault(2, "");
                    meta[field == MetaLabels ? "labels" : "annotations"] = map;
                    break;
            }
        }
        return meta;
    }

    /// <summary>
    /// The length-delimited fields of a message. Go's encoder writes scalar fields even when zero (generation 0),
    /// so zero varints are skipped; a non-zero scalar or another wire type is content this cannot keep.
    /// </summary>
    private static List<(int Field, byte[] Value)> Fields(byte[] message, string contentType)
    {
        var fields = new List<(int, byte[])>();
        var at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message, ref at, contentType);
            if ((tag & 7) == 0)
            {
                if (Varint(message, ref at, contentType) != 0) throw Errors.UnsupportedBodyType(contentType);
                continue;
            }
            var length = (int)Varint(message, ref at, contentType);
            if ((tag & 7) != 2 || length < 0 || at + length > message.Length) throw Errors.UnsupportedBodyType(contentType);
            fields.Add(((int)(tag >> 3), message[at..(at + length)]));
            at += length;
        }
        return fields;
    }

    private static ulong Varint(byte[] bytes, ref int at, string contentType)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length) throw Errors.UnsupportedBodyType(contentType);
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw Errors.UnsupportedBodyType(contentType);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
