using YamlDotNet.RepresentationModel;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>A YAML file's documents, and paths into them that fail with the path when absent.</summary>
public static class YamlFile
{
    public static IReadOnlyList<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(document => (YamlMappingNode)document.RootNode)];
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child)
                ? child
                : throw new KeyNotFoundException($"'{key}' of {string.Join('.', path)} is missing at {node.Start}");
        }

        return node;
    }

    public static YamlNode? Find(this YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value!;

    public static IEnumerable<YamlNode> Items(this YamlNode node, params string[] path) => (YamlSequenceNode)node.At(path);
}
