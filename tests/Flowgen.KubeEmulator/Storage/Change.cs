using System.Text.Json.Nodes;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>What a read-modify-write decided to do with the current object.</summary>
internal abstract record Change
{
    public static readonly Change Keep = new KeepChange();
    public static readonly Change Remove = new RemoveChange();

    public static Change Replace(JsonObject next) => new ReplaceChange(next);

    internal sealed record KeepChange : Change;
    internal sealed record RemoveChange : Change;
    internal sealed record ReplaceChange(JsonObject Next) : Change;
}

/// <summary>The object after a change (for a removal: its last state, at the deletion's revision).</summary>
internal sealed record ChangeResult(JsonObject Object, bool Removed, bool Written);
