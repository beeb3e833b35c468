namespace Flowgen.Operator.Api.Schema;

// Schema constraints on the API types, read by SchemaGenerator. Descriptions come from
// System.ComponentModel.DescriptionAttribute; enums list their JSON names by themselves.

/// <summary>The property must be present.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>The schema default is the property's initial value in a new instance of its type.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultAttribute : Attribute;

/// <summary>The text must match the pattern; given several, any one of them (anyOf).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(params string[] patterns) : Attribute
{
    public IReadOnlyList<string> Patterns { get; } = patterns;
}

/// <summary>An inclusive range for a number.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(long minimum, long maximum) : Attribute
{
    public long Minimum { get; } = minimum;
    public long Maximum { get; } = maximum;
}

/// <summary>An inclusive lower bound for a number.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long minimum) : Attribute
{
    public long Minimum { get; } = minimum;
}

/// <summary>The fewest items of a list (minItems) or entries of a map (minProperties).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinCountAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}

/// <summary>The most items of a list (maxItems).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxCountAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}

/// <summary>The longest text allowed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>
/// Exactly one of these groups of properties must be given. A group is C# property names
/// separated by spaces; all of its properties are required, and none of another group's may
/// appear beside them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ExactlyOneOfAttribute(params string[] groups) : Attribute
{
    public IReadOnlyList<string> Groups { get; } = groups;
}

/// <summary>At most one of these properties (C# names) may be given: none is fine, two are refused.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class AtMostOneOfAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}
