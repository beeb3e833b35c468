using System.Text;
using System.Text.Json.Nodes;
using Flowgen.Manifests.Yaml;

namespace Flowgen.Manifests.Values;

/// <summary>The chart's values.yaml: every value at its default, with what it does as a comment above it.</summary>
public static class ValuesYaml
{
    public static string Write(string header)
    {
        var output = new StringBuilder(header);
        var written = new HashSet<string>();
        foreach (var value in ChartValues.All)
        {
            var keys = value.Keys;
            for (int depth = 0; depth < keys.Count - 1; depth++)
            {
                string parent = string.Join('.', keys.Take(depth + 1));
                if (written.Add(parent))
                    output.Append(Indent(depth)).Append(YamlScalars.Format(keys[depth])).Append(":\n");
            }
            int level = keys.Count - 1;
            if (level == 0)
                output.Append('\n');
            output.Append(Indent(level)).Append("# ").Append(value.Description).Append('\n');
            var entry = new JsonObject { [keys[level]] = value.Default?.DeepClone() };
            foreach (string line in new YamlWriter().Write(entry).TrimEnd('\n').Split('\n'))
                output.Append(Indent(level)).Append(line).Append('\n');
        }
        return output.ToString();
    }

    private static string Indent(int level) => new(' ', 2 * level);
}
