using System.Text.Json;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Http;

/// <summary>JSON bodies describing models: v2 metadata, Triton's model configuration and repository index.</summary>
internal static class ModelJsonWriter
{
    /// <summary>
    /// v2 metadata, plus where the version runs: <c>device</c> and <c>served_by</c> (the silo this one forwards to,
    /// null when it serves the version itself) and <c>placements</c>, its state and device on every active silo.
    /// </summary>
    public static void WriteMetadata(Utf8JsonWriter writer, ModelVersionInfo info, IReadOnlyList<string> versions, VersionStatus placement)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, info.Model);
        writer.WriteStartArray("versions"u8);
        foreach (var version in versions)
        {
            writer.WriteStringValue(version);
        }

        writer.WriteEndArray();
        writer.WriteString("platform"u8, info.Platform);
        WriteTensors(writer, "inputs"u8, info.Inputs);
        WriteTensors(writer, "outputs"u8, info.Outputs);
        writer.WriteString("device"u8, info.Device);
        writer.WriteString("device_reason"u8, info.DeviceReason);
        writer.WriteString("served_by"u8, info.ServedBy?.ToParsableString());
        writer.WriteStartArray("placements"u8);
        foreach (var silo in placement.Silos)
        {
            PlacementJsonWriter.WriteSilo(writer, silo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteConfig(Utf8JsonWriter writer, ModelVersionInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, info.Model);
        writer.WriteString("platform"u8, info.Platform);
        writer.WriteString("backend"u8, ModelConfigFacts.Backend);
        writer.WriteNumber("max_batch_size"u8, info.MaxBatchSize);
        WriteConfigTensors(writer, "input"u8, info.Inputs, info.MaxBatchSize, isInput: true);
        WriteConfigTensors(writer, "output"u8, info.Outputs, info.MaxBatchSize, isInput: false);
        writer.WriteStartArray("instance_group"u8);
        writer.WriteStartObject();
        writer.WriteString("name"u8, ModelConfigFacts.InstanceGroupName(info));
        writer.WriteString("kind"u8, ModelConfigFacts.RunsOnGpu(info) ? "KIND_GPU"u8 : "KIND_CPU"u8);
        writer.WriteNumber("count"u8, 1);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("default_model_filename"u8, ModelConfigFacts.DefaultModelFilename);
        writer.WriteEndObject();
    }

    public static void WriteIndex(Utf8JsonWriter writer, IReadOnlyList<ModelVersionStatus> versions, bool readyOnly)
    {
        writer.WriteStartArray();
        foreach (var version in versions)
        {
            if (readyOnly && version.State != ModelVersionState.Ready)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("name"u8, version.Model);
            writer.WriteString("version"u8, version.Version);
            writer.WriteString("state"u8, ModelConfigFacts.StateName(version.State));
            writer.WriteString("reason"u8, version.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTensors(Utf8JsonWriter writer, ReadOnlySpan<byte> property, IReadOnlyList<TensorSpec> tensors)
    {
        writer.WriteStartArray(property);
        foreach (var tensor in tensors)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tensor.Name);
            writer.WriteString("datatype"u8, tensor.Datatype);
            JsonInferResponseWriter.WriteShape(writer, tensor.Shape);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteConfigTensors(
        Utf8JsonWriter writer, ReadOnlySpan<byte> property, IReadOnlyList<TensorSpec> tensors, int maxBatchSize, bool isInput)
    {
        writer.WriteStartArray(property);
        foreach (var tensor in tensors)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, tensor.Name);
            writer.WriteString(
                "data_type"u8,
                TensorDatatypes.TryParse(tensor.Datatype, out var type) ? type.ConfigName() : "TYPE_INVALID");
            if (isInput)
            {
                writer.WriteString("format"u8, "FORMAT_NONE"u8);
            }

            writer.WriteStartArray("dims"u8);
            foreach (var dim in TensorShapes.ConfigDims(tensor.Shape, maxBatchSize))
            {
                writer.WriteNumberValue(dim);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
