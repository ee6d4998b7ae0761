using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Converts <c>ModelInfer</c> messages to and from the protocol-neutral contracts. Raw contents
/// pass through without a copy in both directions; a response is raw when the request was
/// (Triton's Python client reads <c>raw_output_contents</c>) or when an output has no typed form.
/// </summary>
internal static class GrpcInferCodec
{
    /// <summary>Decodes the request; <paramref name="usedRaw"/> says whether it used <c>raw_input_contents</c>.</summary>
    /// <exception cref="InferenceException">The request is malformed (InvalidInput).</exception>
    public static InferenceRequest Decode(GrpcInferRequest request, out bool usedRaw)
    {
        usedRaw = request.RawInputContents.Length > 0;
        if (usedRaw && request.RawInputContents.Length != request.Inputs.Length)
        {
            throw InferenceException.InvalidInput(
                $"raw_input_contents has {request.RawInputContents.Length} entries but the request has {request.Inputs.Length} inputs");
        }

        var inputs = new InferenceTensor[request.Inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = request.Inputs[i];
            var name = ValidateInput(request.Inputs, i);
            var type = DatatypeParsing.ParseInput(input.Datatype, name);
            var shape = input.Shape;
            ReadOnlyMemory<byte> data;
            if (usedRaw)
            {
                if (input.Contents.HasAny)
                {
                    throw InferenceException.InvalidInput($"input '{name}' has contents although the request uses raw_input_contents");
                }

                data = request.RawInputContents[i];
                TensorPayloads.ValidateInput(name, type, shape, data.Span, "raw_input_contents");
            }
            else
            {
                data = GrpcTensorDecoder.Decode(name, type, shape, input.Contents);
            }

            inputs[i] = new InferenceTensor(name, input.Datatype, shape, data);
        }

        var outputs = request.Outputs.Length == 0 ? [] : new string[request.Outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = request.Outputs[i];
            outputs[i] = output.Name.Length > 0 ? output.Name : throw InferenceException.InvalidInput($"output {i} has no name");
            RejectUnsupported(output.Parameters, "output", output.Name);
        }

        return new InferenceRequest(request.Id.Length > 0 ? request.Id : null, inputs, outputs);
    }

    /// <summary>
    /// The reply for <paramref name="response"/>, its outputs validated: raw when the request was or when an
    /// output has no typed form, else with each output's typed contents.
    /// </summary>
    /// <param name="response">The model's answer.</param>
    /// <param name="requestUsedRaw">Whether the request used <c>raw_input_contents</c>.</param>
    /// <param name="route">The served decision, its version filled in (<see cref="GrpcRouting.Served"/>).</param>
    /// <exception cref="InferenceException">An output's bytes do not match its shape (ModelFailure).</exception>
    public static GrpcInferReply Encode(InferenceResponse response, bool requestUsedRaw, RouteDecision route)
    {
        var raw = requestUsedRaw;
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var output = response.Outputs[i];
            var type = DatatypeParsing.ParseOutput(output.Datatype, output.Name);
            TensorPayloads.ValidateOutput(output, type);
            raw |= !GrpcTensorEncoder.HasTypedForm(type);
        }

        if (raw)
        {
            // Outputs are immutable once returned, so the writer copies them straight from the response.
            return new GrpcInferReply(response, null, route);
        }

        var contents = new InferTensorContents[response.Outputs.Count];
        for (var i = 0; i < contents.Length; i++)
        {
            var output = response.Outputs[i];
            contents[i] = GrpcTensorEncoder.Encode(DatatypeParsing.ParseOutput(output.Datatype, output.Name), output.Data.Span);
        }

        return new GrpcInferReply(response, contents, route);
    }

    private static string ValidateInput(GrpcInferInput[] inputs, int index)
    {
        var name = inputs[index].Name;
        if (name.Length == 0)
        {
            throw InferenceException.InvalidInput($"input {index} has no name");
        }

        for (var j = 0; j < index; j++)
        {
            if (string.Equals(inputs[j].Name, name, StringComparison.Ordinal))
            {
                throw InferenceException.InvalidInput($"input '{name}' appears more than once");
            }
        }

        RejectUnsupported(inputs[index].Parameters, "input", name);
        return name;
    }

    // The tensor is named in the message only when one is thrown: formatting it per request would cost a string each.
    private static void RejectUnsupported(GrpcParameters parameters, string kind, string name)
    {
        if (parameters.ContainsKey("shared_memory_region"))
        {
            throw InferenceException.InvalidInput($"{kind} '{name}': shared memory is not supported");
        }

        if (parameters.ContainsKey("classification"))
        {
            throw InferenceException.InvalidInput($"{kind} '{name}': the classification extension is not supported");
        }
    }
}
