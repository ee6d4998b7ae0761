using InferenceHost.ModelBuilder.Onnx;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.ModelBuilder;

/// <summary>
/// gather-lookup: "index" INT64 [n] → Gather(table, index, axis 0) → "value" FLOAT [n], with a
/// 10-entry FLOAT table as initializer. An out-of-range index fails the run, not the load.
/// </summary>
internal sealed class GatherLookupModel : ISampleModel
{
    private const string Length = "n";

    public string Name => GatherLookupReference.ModelName;

    public IReadOnlyList<int> Versions => GatherLookupReference.Versions;

    public ModelProto Build(int version)
    {
        if (version != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "gather-lookup has only version 1.");
        }

        return new OnnxGraphBuilder(Name)
            .Input(GatherLookupReference.InputName, DataType.Int64, Length)
            .Output(GatherLookupReference.OutputName, DataType.Float, Length)
            .Initializer(OnnxTensors.OfFloat(GatherLookupReference.TableName, [GatherLookupReference.TableSize], [.. GatherLookupReference.Table]))
            .Node("lookup", "Gather", [GatherLookupReference.TableName, GatherLookupReference.InputName], [GatherLookupReference.OutputName], OnnxAttributes.OfInt("axis", 0))
            .ToModel(version, "Looks each index up in a 10-entry table (0.5 * i + 1); an index outside [-10, 9] fails the run.");
    }
}
