using System.Text;
using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Writes a <see cref="GrpcInferReply"/> as the <see cref="ModelInferResponse"/> it stands for, field for field
/// in the generated serializer's order (model_name, model_version, id, parameters, outputs, raw_output_contents),
/// straight into gRPC's buffer.
/// </summary>
internal static class GrpcInferReplyWriter
{
    // Field numbers of ModelInferResponse, its InferOutputTensor and InferParameter (grpc_service.proto).
    private const int ModelNameField = 1;
    private const int ModelVersionField = 2;
    private const int IdField = 3;
    private const int ParametersField = 4;
    private const int OutputsField = 5;
    private const int RawOutputContentsField = 6;
    private const int OutputNameField = 1;
    private const int OutputDatatypeField = 2;
    private const int OutputShapeField = 3;
    private const int OutputContentsField = 5;
    private const int MapKeyField = 1;
    private const int MapValueField = 2;
    private const int Int64ParamField = 2;
    private const int StringParamField = 3;

    /// <summary>The marshaller's serializer: sizes the reply, then writes it in one span of gRPC's buffer.</summary>
    public static void Serialize(GrpcInferReply reply, SerializationContext context)
    {
        var size = Size(reply);
        context.SetPayloadLength(size);
        var buffer = context.GetBufferWriter();
        Write(reply, buffer.GetSpan(size)[..size]);
        buffer.Advance(size);
        context.Complete();
    }

    public static int Size(GrpcInferReply reply)
    {
        var response = reply.Response;
        var size = ProtoWriter.SizeOfString(response.ModelName) + ProtoWriter.SizeOfString(response.ModelVersion)
            + ProtoWriter.SizeOfString(response.Id ?? string.Empty);
        var route = reply.Route;
        size += ProtoWriter.SizeOfLengthDelimited(StringEntrySize(RoutingHeaders.ModelVersion, route.Version!))
            + ProtoWriter.SizeOfLengthDelimited(StringEntrySize(RoutingHeaders.Slot, route.Slot))
            + ProtoWriter.SizeOfLengthDelimited(StringEntrySize(RoutingHeaders.Reason, route.Reason))
            + ProtoWriter.SizeOfLengthDelimited(Int64EntrySize(RoutingHeaders.Revision, route.Revision));
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            size += ProtoWriter.SizeOfLengthDelimited(OutputSize(response.Outputs[i], reply.Contents?[i]));
            if (reply.Contents is null)
            {
                size += ProtoWriter.SizeOfLengthDelimited(response.Outputs[i].Data.Length);
            }
        }

        return size;
    }

    /// <summary>Writes the reply into <paramref name="destination"/>, exactly <see cref="Size"/> bytes long.</summary>
    public static void Write(GrpcInferReply reply, Span<byte> destination)
    {
        var writer = new ProtoWriter(destination);
        var response = reply.Response;
        writer.WriteString(ModelNameField, response.ModelName);
        writer.WriteString(ModelVersionField, response.ModelVersion);
        writer.WriteString(IdField, response.Id ?? string.Empty);

        // The parameters map in the order GrpcRouting has always set it; MapField writes in insertion order.
        var route = reply.Route;
        WriteStringEntry(ref writer, RoutingHeaders.ModelVersion, route.Version!);
        WriteStringEntry(ref writer, RoutingHeaders.Slot, route.Slot);
        WriteStringEntry(ref writer, RoutingHeaders.Reason, route.Reason);
        writer.WriteLengthPrefix(ParametersField, Int64EntrySize(RoutingHeaders.Revision, route.Revision));
        writer.WriteStringAlways(MapKeyField, RoutingHeaders.Revision);
        writer.WriteLengthPrefix(MapValueField, Int64ParamSize(route.Revision));
        writer.WriteVarintField(Int64ParamField, (ulong)route.Revision);

        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var output = response.Outputs[i];
            var contents = reply.Contents?[i];
            writer.WriteLengthPrefix(OutputsField, OutputSize(output, contents));
            writer.WriteString(OutputNameField, output.Name);
            writer.WriteString(OutputDatatypeField, output.Datatype);
            writer.WritePackedInt64(OutputShapeField, output.Shape);
            if (contents is not null)
            {
                var length = contents.CalculateSize();
                writer.WriteLengthPrefix(OutputContentsField, length);
                contents.WriteTo(writer.Reserve(length));
            }
        }

        if (reply.Contents is null)
        {
            for (var i = 0; i < response.Outputs.Count; i++)
            {
                writer.WriteBytes(RawOutputContentsField, response.Outputs[i].Data.Span);
            }
        }

        if (writer.Written != destination.Length)
        {
            throw new InvalidOperationException($"the reply was sized at {destination.Length} bytes but took {writer.Written}");
        }
    }

    private static int OutputSize(InferenceTensor output, InferTensorContents? contents)
    {
        var size = ProtoWriter.SizeOfString(output.Name) + ProtoWriter.SizeOfString(output.Datatype);
        if (output.Shape.Length > 0)
        {
            size += ProtoWriter.SizeOfLengthDelimited(ProtoWriter.SizeOfPackedInt64(output.Shape));
        }

        return contents is null ? size : size + ProtoWriter.SizeOfLengthDelimited(contents.CalculateSize());
    }

    // Keys are the ASCII routing header names: one byte a character.
    private static int KeySize(string key) => ProtoWriter.SizeOfLengthDelimited(key.Length);

    private static int StringParamSize(string value) => ProtoWriter.SizeOfLengthDelimited(Encoding.UTF8.GetByteCount(value));

    private static int Int64ParamSize(long value) => 1 + ProtoWriter.SizeOfVarint((ulong)value);

    private static int StringEntrySize(string key, string value) => KeySize(key) + ProtoWriter.SizeOfLengthDelimited(StringParamSize(value));

    private static int Int64EntrySize(string key, long value) => KeySize(key) + ProtoWriter.SizeOfLengthDelimited(Int64ParamSize(value));

    private static void WriteStringEntry(ref ProtoWriter writer, string key, string value)
    {
        writer.WriteLengthPrefix(ParametersField, StringEntrySize(key, value));
        writer.WriteStringAlways(MapKeyField, key);
        writer.WriteLengthPrefix(MapValueField, StringParamSize(value));
        writer.WriteStringAlways(StringParamField, value);
    }
}
