using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Flowgen.KubeEmulator.Api;
using Flowgen.KubeEmulator.Resources;

namespace Flowgen.KubeEmulator.Storage;

/// <summary>Object names: RFC 1123 checks and <c>generateName</c> suffixes.</summary>
internal static partial class ObjectNames
{
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix) =>
        prefix + new string(Enumerable.Range(0, 5).Select(_ => SuffixAlphabet[RandomNumberGenerator.GetInt32(SuffixAlphabet.Length)]).ToArray());

    public static StatusCause? Check(ResourceType type, string name)
    {
        var label = type.GroupResource == BuiltinResources.Namespaces;
        var valid = label ? name.Length <= 63 && Label().IsMatch(name) : name.Length <= 253 && Subdomain().IsMatch(name);
        if (valid) return null;
        var what = label
            ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
            : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
        return new StatusCause("FieldValueInvalid", $"Invalid value: \"{name}\": {what}", "metadata.name");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
