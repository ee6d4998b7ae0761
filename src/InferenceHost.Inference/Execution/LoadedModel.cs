using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// One validated, warmed-up model version and the sole owner of its ONNX Runtime session.
/// <see cref="Run"/> is safe to call concurrently. With dynamic batching configured, it also owns the
/// version's <see cref="Batcher"/>, which serving goes through; <see cref="Run"/> always runs alone.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly UsageCount _usage;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunScratchPool[] _scratch;
    private readonly long[][]?[] _shapesByBatch;

    /// <param name="model">Model name.</param>
    /// <param name="version">Version id.</param>
    /// <param name="opened">The session, owned from now on.</param>
    /// <param name="signature">What the version accepts and returns.</param>
    /// <param name="batching">Dynamic batching to serve with; null to run every request alone.</param>
    public LoadedModel(string model, string version, OpenedSession opened, ModelSignature signature, DynamicBatchingConfig? batching = null)
    {
        Model = model;
        Version = version;
        _session = opened.Session;
        Device = opened.Device;
        DeviceReason = opened.Reason;
        Signature = signature;
        _inputNames = [.. signature.Inputs.Select(i => i.Name)];
        _outputNames = [.. signature.Outputs.Select(o => o.Name)];
        _scratch = [.. Enumerable.Range(0, signature.Outputs.Count + 1).Select(outputs => new RunScratchPool(signature.Inputs.Count, outputs))];
        _shapesByBatch = new long[][]?[signature.MaxBatchSize + 1];
        _usage = new UsageCount(() =>
        {
            _session.Dispose();
            _runOptions.Dispose();
        });
        Batcher = batching is null ? null : new DynamicBatcher(this, batching, TimeProvider.System);
    }

    public string Model { get; }

    public string Version { get; }

    public ModelSignature Signature { get; }

    public ExecutionDevice Device { get; }

    public string DeviceReason { get; }

    /// <summary>The queue that batches this version's requests; null when its config does not enable dynamic batching.</summary>
    public DynamicBatcher? Batcher { get; }

    /// <summary>Validates and runs one request.</summary>
    /// <param name="inputs">Every input the model takes, once each.</param>
    /// <param name="outputNames">Outputs to return; empty for all.</param>
    /// <exception cref="InvalidInputException">The request does not fit <see cref="Signature"/>.</exception>
    /// <exception cref="OnnxRuntimeException">The model failed while running.</exception>
    /// <exception cref="ObjectDisposedException">The version was unloaded.</exception>
    public TensorOutput[] Run(IReadOnlyList<TensorInput> inputs, IReadOnlyList<string> outputNames) =>
        Run(inputs, outputNames, static output => output);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{TensorInput}, IReadOnlyList{string})"/>, each output handed to <paramref name="convert"/>
    /// as it is produced, so a caller gets its own result type without a second array per request.
    /// </summary>
    /// <exception cref="InvalidInputException">The request does not fit <see cref="Signature"/>.</exception>
    /// <exception cref="OnnxRuntimeException">The model failed while running.</exception>
    /// <exception cref="ObjectDisposedException">The version was unloaded.</exception>
    public TResult[] Run<TResult>(IReadOnlyList<TensorInput> inputs, IReadOnlyList<string> outputNames, Func<TensorOutput, TResult> convert)
    {
        var (ordered, outputs) = InputValidator.Validate(Signature, inputs, outputNames);
        return RunOrdered(ordered, outputs, convert);
    }

    /// <summary>Unloads the version: queued requests fail, and the session is freed as soon as no run is using it.</summary>
    public void Dispose()
    {
        Batcher?.Dispose();
        _usage.Retire();
    }

    /// <summary>Runs inputs already validated and in graph order (one request's, or a batch's).</summary>
    /// <exception cref="OnnxRuntimeException">The model failed while running.</exception>
    /// <exception cref="ObjectDisposedException">The version was unloaded.</exception>
    internal TensorOutput[] RunOrdered(TensorInput[] ordered, TensorSignature[] outputs) => RunOrdered(ordered, outputs, static output => output);

    private TResult[] RunOrdered<TResult>(TensorInput[] ordered, TensorSignature[] outputs, Func<TensorOutput, TResult> convert)
    {
        ObjectDisposedException.ThrowIf(!_usage.TryEnter(), this);
        try
        {
            return RunValidated(ordered, outputs, convert);
        }
        finally
        {
            _usage.Exit();
        }
    }

    private TResult[] RunValidated<TResult>(TensorInput[] ordered, TensorSignature[] outputs, Func<TensorOutput, TResult> convert)
    {
        // Arrays for ORT come from a pool and go back once the run's values and pins are disposed; nothing in
        // them outlives the run except the output buffers, which the results own and the scratch forgets.
        var pool = _scratch[outputs.Length];
        var scratch = pool.Rent();
        try
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                scratch.InputValues[i] = OrtTensors.CreateInput(Signature.Inputs[i].Datatype, ordered[i], out scratch.InputPins[i]);
            }

            var batch = Signature.MaxBatchSize > 0 ? ordered[0].Shape[0] : 0;
            return StaticShapes(outputs, batch) is { } shapes
                ? RunIntoPreallocated(scratch, outputs, shapes, convert)
                : RunIntoOrtAllocated(scratch.InputValues, outputs, convert);
        }
        finally
        {
            scratch.Clear();
            pool.Return(scratch);
        }
    }

    private TResult[] RunIntoPreallocated<TResult>(RunScratch scratch, TensorSignature[] outputs, long[][] shapes, Func<TensorOutput, TResult> convert)
    {
        for (var i = 0; i < outputs.Length; i++)
        {
            scratch.OutputValues[i] = OrtTensors.CreateOutput(outputs[i].Datatype, shapes[i], out scratch.OutputBuffers[i], out scratch.OutputPins[i]);
        }

        _session.Run(_runOptions, _inputNames, scratch.InputValues, OutputNames(outputs), scratch.OutputValues);
        var results = new TResult[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            results[i] = convert(new TensorOutput(outputs[i].Name, outputs[i].Datatype, shapes[i], scratch.OutputBuffers[i]));
        }

        return results;
    }

    private TResult[] RunIntoOrtAllocated<TResult>(OrtValue[] inputValues, TensorSignature[] outputs, Func<TensorOutput, TResult> convert)
    {
        using var values = _session.Run(_runOptions, _inputNames, inputValues, OutputNames(outputs));
        var results = new TResult[outputs.Length];
        var i = 0;
        foreach (var value in values)
        {
            results[i] = convert(OrtTensors.ReadOutput(outputs[i].Name, outputs[i].Datatype, value));
            i++;
        }

        return results;
    }

    /// <summary>The names of <paramref name="outputs"/>: the model's own array when they are all its outputs, in order.</summary>
    private string[] OutputNames(TensorSignature[] outputs) =>
        IsEveryOutput(outputs) ? _outputNames : Array.ConvertAll(outputs, o => o.Name);

    private bool IsEveryOutput(TensorSignature[] outputs)
    {
        if (outputs.Length != Signature.Outputs.Count)
        {
            return false;
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            if (!ReferenceEquals(outputs[i], Signature.Outputs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Output shapes known before running (fixed, or fixed but for the batch dimension), so ORT can write into the
    /// response's own buffers; null when any output's shape depends on the data. For every output of the model the
    /// shapes are made once per batch size and shared by the results, which never change a shape.
    /// </summary>
    private long[][]? StaticShapes(TensorSignature[] outputs, long batch)
    {
        if (!IsEveryOutput(outputs) || batch >= _shapesByBatch.Length)
        {
            return TryStaticShapes(outputs, batch);
        }

        ref var cached = ref _shapesByBatch[batch];
        return Volatile.Read(ref cached) ?? Interlocked.CompareExchange(ref cached, TryStaticShapes(outputs, batch), null) ?? cached;
    }

    private long[][]? TryStaticShapes(TensorSignature[] outputs, long batch)
    {
        var shapes = new long[outputs.Length][];
        for (var i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].Datatype == TensorDatatype.Bytes)
            {
                return null;
            }

            var shape = (long[])outputs[i].Shape.Clone();
            if (Signature.MaxBatchSize > 0)
            {
                shape[0] = batch;
            }

            if (Array.IndexOf(shape, -1L) >= 0)
            {
                return null;
            }

            shapes[i] = shape;
        }

        return shapes;
    }
}
