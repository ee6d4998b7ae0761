using InferenceHost.Abstractions.Inference;
using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Grains.Serving;

/// <summary>
/// Serves model versions from this silo's own sessions, in process: the request's tensors go to the version's
/// session (or its batcher) as they are, and its outputs come back as the response's tensors. Failures the client
/// should see become <see cref="InferenceException"/>s.
/// </summary>
public sealed class SiloReplicas(ModelCatalog catalog) : ILocalReplicas
{
    public ValueTask<InferenceResponse> Infer(string model, string version, InferenceRequest request)
    {
        var loaded = LoadedVersion(model, version);
        var inputs = new TensorInput[request.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var tensor = request.Inputs[i];
            inputs[i] = new TensorInput(tensor.Name, tensor.Datatype, tensor.Shape, tensor.Data);
        }

        if (loaded.Batcher is { } batcher)
        {
            return InferBatchedAsync(loaded, batcher, inputs, request);
        }

        InferenceTensor[] outputs;
        try
        {
            outputs = loaded.Run(inputs, request.OutputNames, static output => Tensor(output));
        }
        catch (Exception e) when (ClientFailure(loaded, e) is { } failure)
        {
            throw failure;
        }

        return ValueTask.FromResult(new InferenceResponse(loaded.Model, loaded.Version, request.Id, outputs));
    }

    private static async ValueTask<InferenceResponse> InferBatchedAsync(LoadedModel loaded, DynamicBatcher batcher, TensorInput[] inputs, InferenceRequest request)
    {
        TensorOutput[] outputs;
        try
        {
            outputs = await batcher.RunAsync(inputs, request.OutputNames);
        }
        catch (Exception e) when (ClientFailure(loaded, e) is { } failure)
        {
            throw failure;
        }

        return Response(loaded, request, outputs);
    }

    /// <summary>What the client is told about a failure of the run; null for one it must not see as it is.</summary>
    private static InferenceException? ClientFailure(LoadedModel loaded, Exception exception) => exception switch
    {
        InvalidInputException => InferenceException.InvalidInput(exception.Message),
        QueueFullException full => InferenceException.Overloaded(full.Message, full.RetryAfter),
        ObjectDisposedException => InferenceException.Unavailable($"model '{loaded.Model}' version '{loaded.Version}' was unloaded"),
        OnnxRuntimeException => new InferenceException(
            InferenceErrorKind.ModelFailure, $"model '{loaded.Model}' version '{loaded.Version}' failed: {exception.Message}"),
        _ => null,
    };

    private static InferenceResponse Response(LoadedModel loaded, InferenceRequest request, TensorOutput[] outputs) =>
        new(loaded.Model, loaded.Version, request.Id, Array.ConvertAll(outputs, Tensor));

    private static InferenceTensor Tensor(TensorOutput output) => new(output.Name, output.Datatype.ToName(), output.Shape, output.Data);

    private LoadedModel LoadedVersion(string model, string version)
    {
        if (!catalog.Snapshot.TryGet(model, version, out var entry))
        {
            throw InferenceException.NotFound($"model '{model}' has no version '{version}'");
        }

        return entry.Loaded
            ?? throw InferenceException.Unavailable($"model '{model}' version '{version}' is not ready: {entry.Reason}");
    }
}
