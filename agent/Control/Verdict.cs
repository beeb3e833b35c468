namespace Flowgen.Control;

/// <summary>The answer to a control request: accepted, or refused with the reason (HTTP 409).</summary>
internal readonly record struct Verdict(string? Refusal)
{
    public static Verdict Accepted => default;

    public bool IsAccepted => Refusal is null;

    public static Verdict Refused(string reason) => new(reason);
}
