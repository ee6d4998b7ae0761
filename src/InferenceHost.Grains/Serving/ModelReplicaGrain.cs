using InferenceHost.Abstractions.Inference;
using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime;
using Orleans.Concurrency;

namespace InferenceHost.Grains.Serving;

/// <summary>
/// Serves one model version from this silo's own session: a stateless worker is always
/// activated where it is called, so a request never leaves the silo that received it.
/// </summary>
/// <remarks>
/// Reentrant: it keeps no state between requests, and with dynamic batching a request awaits its batch. Without
/// reentrancy each activation (about one per core) would hold one request at a time, so a batch could never
/// gather more than a couple of rows.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class ModelReplicaGrain : Grain, IModelReplicaGrain
{
    private readonly ModelCatalog _catalog;
    private readonly string _model;
    private readonly string _version;

    public ModelReplicaGrain(ModelCatalog catalog)
    {
        _catalog = catalog;
        (_model, _version) = ModelReplicaKey.Parse(this.GetPrimaryKeyString());
    }

    public ValueTask<InferenceResponse> Infer(InferenceRequest request)
    {
        var model = LoadedVersion();
        var inputs = new TensorInput[request.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var tensor = request.Inputs[i];
            inputs[i] = new TensorInput(tensor.Name, tensor.Datatype, tensor.Shape, tensor.Data);
        }

        if (model.Batcher is { } batcher)
        {
            return InferBatchedAsync(batcher, inputs, request);
        }

        TensorOutput[] outputs;
        try
        {
            outputs = model.Run(inputs, request.OutputNames);
        }
        catch (Exception e) when (ClientFailure(e) is { } failure)
        {
            throw failure;
        }

        return ValueTask.FromResult(Response(request, outputs));
    }

    private async ValueTask<InferenceResponse> InferBatchedAsync(DynamicBatcher batcher, TensorInput[] inputs, InferenceRequest request)
    {
        TensorOutput[] outputs;
        try
        {
            outputs = await batcher.RunAsync(inputs, request.OutputNames);
        }
        catch (Exception e) when (ClientFailure(e) is { } failure)
        {
            throw failure;
        }

        return Response(request, outputs);
    }

    /// <summary>What the client is told about a failure of the run; null for one it must not see as it is.</summary>
    private InferenceException? ClientFailure(Exception exception) => exception switch
    {
        InvalidInputException => InferenceException.InvalidInput(exception.Message),
        QueueFullException full => InferenceException.Overloaded(full.Message, full.RetryAfter),
        ObjectDisposedException => InferenceException.Unavailable($"model '{_model}' version '{_version}' was unloaded"),
        OnnxRuntimeException => new InferenceException(
            InferenceErrorKind.ModelFailure, $"model '{_model}' version '{_version}' failed: {exception.Message}"),
        _ => null,
    };

    private InferenceResponse Response(InferenceRequest request, TensorOutput[] outputs)
    {
        var tensors = new InferenceTensor[outputs.Length];
        for (var i = 0; i < tensors.Length; i++)
        {
            var output = outputs[i];
            tensors[i] = new InferenceTensor(output.Name, output.Datatype.ToName(), output.Shape, output.Data);
        }

        return new InferenceResponse(_model, _version, request.Id, tensors);
    }

    private LoadedModel LoadedVersion()
    {
        if (!_catalog.Snapshot.TryGet(_model, _version, out var entry))
        {
            throw InferenceException.NotFound($"model '{_model}' has no version '{_version}'");
        }

        return entry.Loaded
            ?? throw InferenceException.Unavailable($"model '{_model}' version '{_version}' is not ready: {entry.Reason}");
    }
}
