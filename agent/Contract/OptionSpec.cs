namespace Flowgen.Contract;

/// <summary>One command-line option, as the reader and the help text see it.</summary>
/// <param name="Long">Long name without the dashes, e.g. <c>num-packets</c>.</param>
/// <param name="Short">Short letter, or null for a long-only option.</param>
/// <param name="Metavar">Placeholder for the value in the help text; null makes the option a flag.</param>
/// <param name="Description">One line for the help text.</param>
/// <param name="Default">What applies when the option is absent, for the help text; null shows nothing.</param>
public sealed record OptionSpec(string Long, char? Short, string? Metavar, string Description, string? Default = null)
{
    /// <summary>The <c>-h/--help</c> flag every command takes.</summary>
    public static OptionSpec Help { get; } = new("help", 'h', null, "show this help and exit");

    public bool TakesValue => Metavar is not null;

    /// <summary>How messages name the option: <c>-n/--num-packets</c> or <c>--duration</c>.</summary>
    public string DisplayName => Short is { } letter ? $"-{letter}/--{Long}" : $"--{Long}";
}
