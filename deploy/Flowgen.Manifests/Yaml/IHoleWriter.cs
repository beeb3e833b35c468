using Flowgen.Manifests.Templating;

namespace Flowgen.Manifests.Yaml;

/// <summary>Writes the holes of a manifest as template code (the chart); see <see cref="YamlWriter"/>.</summary>
public interface IHoleWriter
{
    /// <summary>A scalar hole, as written after <c>key: </c> or <c>- </c>.</summary>
    string Scalar(TextHole hole);

    /// <summary>The template line that fills a map key's whole value, its content indented by <paramref name="indent"/>.</summary>
    string Content(Hole hole, int indent);
}
