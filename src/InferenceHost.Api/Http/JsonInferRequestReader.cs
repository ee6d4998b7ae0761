using System.Text.Json;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Tensors;
using static InferenceHost.Api.Http.JsonErrors;

namespace InferenceHost.Api.Http;

/// <summary>
/// Decodes an HTTP inference request body: JSON alone, or (binary tensor extension) a JSON
/// header of <c>Inference-Header-Content-Length</c> bytes followed by the binary inputs in
/// input order. Binary inputs are slices of the body, never copied; JSON inputs are decoded
/// straight into their tensor's layout, large ones into pooled arrays where <see cref="TensorRentals"/> are given.
/// </summary>
internal static class JsonInferRequestReader
{
    /// <summary>Decodes <paramref name="body"/>; <paramref name="headerLength"/> is null when the header was not sent.</summary>
    /// <param name="body">The whole request body.</param>
    /// <param name="headerLength">The JSON header's length (<c>Inference-Header-Content-Length</c>); null when not sent.</param>
    /// <param name="routingParameter">The request parameter holding the sticky routing key; null to read none.</param>
    /// <param name="rentals">Where large JSON tensors are decoded into pooled arrays; null for plain arrays.</param>
    /// <exception cref="InferenceException">The request is malformed (InvalidInput).</exception>
    public static HttpInferRequest Read(ReadOnlyMemory<byte> body, int? headerLength, string? routingParameter = null, TensorRentals? rentals = null)
    {
        var json = headerLength is { } length ? body[..length] : body;
        JsonRequestHeader header;
        try
        {
            header = JsonRequestHeaderReader.Read(json.Span, routingParameter);
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }

        var binary = headerLength is { } start ? body[start..] : ReadOnlyMemory<byte>.Empty;
        var inputs = DecodeInputs(header.Inputs, json, binary, headerLength.HasValue, rentals);
        return new HttpInferRequest(
            new InferenceRequest(header.Id, inputs, header.OutputNames),
            header.BinaryOutputByDefault,
            header.OutputBinary)
        {
            RoutingKey = header.RoutingKey,
        };
    }

    private static InferenceTensor[] DecodeInputs(
        IReadOnlyList<JsonInputDraft> drafts, ReadOnlyMemory<byte> json, ReadOnlyMemory<byte> binary, bool binaryAllowed, TensorRentals? rentals)
    {
        var tensors = new InferenceTensor[drafts.Count];
        var binaryOffset = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var name = Validate(draft, drafts, binaryAllowed);
            var type = DatatypeParsing.ParseInput(draft.Datatype, name);
            var shape = draft.Shape!;
            ReadOnlyMemory<byte> data;
            if (draft.BinarySize >= 0)
            {
                var remaining = binary.Length - binaryOffset;
                if (draft.BinarySize > remaining)
                {
                    throw Invalid($"input '{name}': binary_data_size {draft.BinarySize} runs past the end of the body ({remaining} bytes of binary data left)");
                }

                data = binary.Slice(binaryOffset, (int)draft.BinarySize);
                binaryOffset += (int)draft.BinarySize;
                TensorPayloads.ValidateInput(name, type, shape, data.Span, "its binary data");
            }
            else
            {
                data = JsonTensorDataReader.Decode(json.Span.Slice(draft.DataStart, draft.DataLength), name, type, shape, rentals);
            }

            tensors[i] = new InferenceTensor(name, draft.Datatype!, shape, data);
        }

        if (binaryOffset != binary.Length)
        {
            throw Invalid($"the body has {binary.Length} bytes of binary data after the JSON header but the inputs declare {binaryOffset}");
        }

        return tensors;
    }

    /// <summary>Reports what the header alone makes wrong with an input; returns its name.</summary>
    private static string Validate(JsonInputDraft draft, IReadOnlyList<JsonInputDraft> drafts, bool binaryAllowed)
    {
        var name = draft.Name ?? throw Invalid($"input {draft.Index} has no 'name'");
        for (var j = 0; j < draft.Index; j++)
        {
            if (string.Equals(drafts[j].Name, name, StringComparison.Ordinal))
            {
                throw Invalid($"input '{name}' appears more than once");
            }
        }

        if (draft.Problem is { } problem)
        {
            throw Invalid($"input '{name}': {problem}");
        }

        var missing = draft switch
        {
            { Datatype: null } => "'datatype'",
            { Shape: null } => "'shape'",
            { DataStart: < 0, BinarySize: < 0 } => "'data'",
            _ => null,
        };
        if (missing is not null)
        {
            throw Invalid($"input '{name}' has no {missing}");
        }

        if (draft.DataStart >= 0 && draft.BinarySize >= 0)
        {
            throw Invalid($"input '{name}' has both 'data' and binary_data_size");
        }

        return draft.BinarySize < 0 || binaryAllowed
            ? name
            : throw Invalid($"input '{name}': binary_data_size needs the Inference-Header-Content-Length header");
    }
}
