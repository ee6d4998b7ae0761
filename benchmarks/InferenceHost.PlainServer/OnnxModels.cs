using Microsoft.Extensions.Options;

namespace InferenceHost.PlainServer;

/// <summary>The configured models by name, loaded at start.</summary>
internal sealed class OnnxModels(IOptions<PlainServerOptions> options) : IDisposable
{
    private readonly Dictionary<string, OnnxModel> models = options.Value.Models
        .ToDictionary(model => model.Key, model => new OnnxModel(model.Value), StringComparer.Ordinal);

    public OnnxModel? Find(string name) => models.GetValueOrDefault(name);

    public void Dispose()
    {
        foreach (var model in models.Values)
        {
            model.Dispose();
        }
    }
}
