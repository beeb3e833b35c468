using System.Text.Json;
using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Watch;

internal static class WatchEventTypes
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}

/// <summary>One change to one stored object; <see cref="Previous"/> lets selectors see objects leave their set.</summary>
internal sealed record WatchEvent(string Type, GroupResource Resource, string Namespace, long Revision,
    JsonElement Object, JsonElement? Previous);
