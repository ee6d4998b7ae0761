using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.ModelBuilder.Tests;

/// <summary>Runs the committed iris-mlp model files in ONNX Runtime.</summary>
internal static class IrisOnnx
{
    /// <summary>Runs a row-major [batch, 4] batch through one version.</summary>
    public static IrisPrediction[] RunBatch(int version, params float[][] flowers)
    {
        using var session = new OnnxSession(RepoPaths.Model(IrisMlpReference.ModelName, version));
        var batch = flowers.SelectMany(f => f).ToArray();
        var input = OrtValue.CreateTensorValueFromMemory(batch, [flowers.Length, IrisMlpReference.FeatureCount]);
        using var outputs = session.Run(
            new Dictionary<string, OrtValue> { [IrisMlpReference.InputName] = input },
            IrisMlpReference.ProbabilitiesName,
            IrisMlpReference.LabelName);

        var probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var labels = outputs[1].GetTensorDataAsSpan<long>().ToArray();
        return [.. labels.Select((label, i) => new IrisPrediction(
            probabilities[(i * IrisMlpReference.ClassCount)..((i + 1) * IrisMlpReference.ClassCount)], label))];
    }

    public static IrisPrediction RunOne(int version, float[] flower) => RunBatch(version, [flower])[0];
}
