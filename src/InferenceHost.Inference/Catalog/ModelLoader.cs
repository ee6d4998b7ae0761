using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Catalog;

/// <summary>
/// Turns a repository version into a servable one: opens the session, reconciles the graph with
/// the config, runs the warm-up, then the smoke tests. Any failure rejects the version with a reason.
/// </summary>
public sealed class ModelLoader(SessionFactory sessions)
{
    /// <exception cref="ModelLoadException">Why the version cannot serve.</exception>
    public LoadedModel Load(VersionSource source)
    {
        if (source.ConfigError is not null)
        {
            throw new ModelLoadException(source.ConfigError);
        }

        if (ModelConfigReader.CheckServed(source.Config) is { Count: > 0 } problems)
        {
            throw new ModelLoadException($"config of model '{source.Model}' version '{source.Version}': {string.Join("; ", problems)}");
        }

        OpenedSession opened;
        try
        {
            opened = sessions.Open(source.ModelPath, source.Config.Device ?? DevicePreference.Auto, source.Config.IntraOpThreads);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"ONNX Runtime cannot load {source.ModelPath}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new ModelLoadException(e.Message, e);
        }

        LoadedModel? model = null;
        try
        {
            var signature = SignatureResolver.Resolve(source.Config, opened.Session.InputMetadata, opened.Session.OutputMetadata);
            model = new LoadedModel(source.Model, source.Version, opened, signature, source.Config.DynamicBatching);
            WarmUp(model, source.Config);
            SmokeTest(model, source.Config);
            return model;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidInputException or OnnxRuntimeException)
        {
            if (model is null)
            {
                opened.Session.Dispose();
            }
            else
            {
                model.Dispose();
            }

            throw new ModelLoadException(e.Message, e);
        }
    }

    private static void WarmUp(LoadedModel model, ModelConfig config)
    {
        if (config.Warmup is not { Count: > 0 } samples)
        {
            Run(model, "zero-input warm-up", () => WarmupInputs.Zeros(model.Signature));
            return;
        }

        foreach (var sample in samples)
        {
            Run(model, $"warm-up '{sample.Name}'", () => WarmupInputs.FromSample(model.Signature, sample));
        }
    }

    private static void SmokeTest(LoadedModel model, ModelConfig config)
    {
        foreach (var test in config.SmokeTests ?? [])
        {
            Check($"smoke test '{test.Name}'", () => SmokeTestRunner.Run(model, test));
        }
    }

    private static void Run(LoadedModel model, string what, Func<Tensors.TensorInput[]> inputs) =>
        Check(what, () => model.Run(inputs(), []));

    private static void Check(string what, Action run)
    {
        try
        {
            run();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidInputException or OnnxRuntimeException)
        {
            throw new InvalidDataException($"{what} failed: {e.Message}", e);
        }
    }
}
