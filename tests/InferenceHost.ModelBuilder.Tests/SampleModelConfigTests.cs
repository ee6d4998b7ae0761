using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.ModelBuilder.Tests;

/// <summary>The hand-written config.json files agree with the model files they describe.</summary>
public sealed class SampleModelConfigTests
{
    private static readonly Dictionary<TensorElementType, string> Datatypes = new()
    {
        [TensorElementType.Float] = "FP32",
        [TensorElementType.Double] = "FP64",
        [TensorElementType.Int32] = "INT32",
        [TensorElementType.Int64] = "INT64",
        [TensorElementType.Bool] = "BOOL",
        [TensorElementType.String] = "BYTES",
    };

    public static TheoryData<string> ModelNames { get; } = [.. SampleModelWriter.Models.Select(m => m.Name)];

    [Theory]
    [InlineData("iris-mlp", 64)]
    [InlineData("dtype-echo", 0)]
    [InlineData("gather-lookup", 0)]
    public void ConfigJson_SampleModel_HasDocumentedMaxBatchSize(string model, int maxBatchSize)
    {
        using var config = ReadConfig(model);

        Assert.Equal(maxBatchSize, config.RootElement.GetProperty("max_batch_size").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ConfigJson_InputsAndOutputs_AgreeWithOnnxSignature(string model)
    {
        using var config = ReadConfig(model);
        using var onnx = new OnnxSession(RepoPaths.Model(model, 1));
        var batched = config.RootElement.GetProperty("max_batch_size").GetInt32() > 0;

        AssertAgree(config.RootElement.GetProperty("inputs"), onnx.Session.InputMetadata, batched);
        AssertAgree(config.RootElement.GetProperty("outputs"), onnx.Session.OutputMetadata, batched);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void ConfigJson_Warmup_GivesOneItemOfEveryInput(string model)
    {
        using var config = ReadConfig(model);
        var inputs = config.RootElement.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);

        Assert.All(config.RootElement.GetProperty("warmup").EnumerateArray(), warmup =>
        {
            var data = warmup.GetProperty("inputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            Assert.Equal(inputs.Keys.Order(), data.Keys.Order());
            foreach (var (name, values) in data)
            {
                var shape = inputs[name].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                var count = values.GetArrayLength();
                Assert.True(shape.Contains(-1) ? count > 0 : count == shape.Aggregate(1L, (a, b) => a * b), $"{model} warm-up '{name}' has {count} values");
                var datatype = inputs[name].GetProperty("datatype").GetString()!;
                Assert.All(values.EnumerateArray(), v => Assert.True(IsJsonOf(datatype, v.ValueKind), $"{model} warm-up '{name}' holds a {v.ValueKind}"));
            }
        });
    }

    private static JsonDocument ReadConfig(string model) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Models, model, "config.json")));

    private static void AssertAgree(JsonElement entries, IReadOnlyDictionary<string, NodeMetadata> metadata, bool batched)
    {
        Assert.Equal(metadata.Keys, entries.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        foreach (var entry in entries.EnumerateArray())
        {
            var node = metadata[entry.GetProperty("name").GetString()!];
            var dims = node.Dimensions.Select(d => (long)d).ToArray();
            if (batched)
            {
                Assert.Equal(-1, dims[0]);
                dims = dims[1..];
            }

            Assert.Equal(Datatypes[node.ElementDataType], entry.GetProperty("datatype").GetString());
            Assert.Equal(dims, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        }
    }

    // The v2 JSON encoding: BOOL as true/false, BYTES as strings, everything else as numbers.
    private static bool IsJsonOf(string datatype, JsonValueKind kind) => datatype switch
    {
        "BOOL" => kind is JsonValueKind.True or JsonValueKind.False,
        "BYTES" => kind is JsonValueKind.String,
        _ => kind is JsonValueKind.Number,
    };
}
