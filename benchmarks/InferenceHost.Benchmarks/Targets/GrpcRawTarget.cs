using Google.Protobuf;
using Grpc.Net.Client;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// A server over gRPC with <c>raw_input_contents</c> (as Triton's Python client sends), so it answers
/// in <c>raw_output_contents</c>. One channel multiplexes all workers over HTTP/2 (or, with more than one, the
/// workers take the channels in turn, as many clients would). An empty <c>model_version</c> lets the host route
/// by its deployment.
/// </summary>
internal sealed class GrpcRawTarget : ILoadTarget
{
    private readonly GrpcChannel[] channels;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient[] clients;
    private readonly ModelInferRequest request;
    private readonly string mode;
    private int workers;

    /// <param name="mode">The mode's name in the report.</param>
    /// <param name="address">The server's gRPC address.</param>
    /// <param name="workload">The model and its input.</param>
    /// <param name="version">The version asked for in the request; null lets the host route.</param>
    /// <param name="server">The server measured, for its CPU time and allocations.</param>
    /// <param name="channelCount">Channels (each its own HTTP/2 connection) the workers share in turn.</param>
    public GrpcRawTarget(string mode, Uri address, ModelWorkload workload, string? version, IServerProbe server, int channelCount = 1)
    {
        this.mode = mode;
        Server = server;
        ExpectsRawAnswer = version is not null;
        channels = [.. Enumerable.Range(0, channelCount).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
        }))];
        clients = [.. channels.Select(channel => new GRPCInferenceService.GRPCInferenceServiceClient(channel))];
        request = BuildRequest(workload, version ?? string.Empty);
    }

    public string Mode => mode;

    public bool BlocksThread => false;

    public IServerProbe? Server { get; }

    public bool ExpectsRawAnswer { get; }

    public ILoadWorker CreateWorker() => new GrpcRawWorker(clients[Interlocked.Increment(ref workers) % clients.Length], request);

    public async Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken)
    {
        var response = await clients[0].ModelInferAsync(request, cancellationToken: cancellationToken);
        var index = response.Outputs.Select(tensor => tensor.Name).ToList().IndexOf(output);
        return index >= 0 && index < response.RawOutputContents.Count
            ? FloatBytes.ToFloats(response.RawOutputContents[index].Span)
            : throw new InvalidOperationException($"the gRPC response has no raw output '{output}'");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The workload's request at <paramref name="version"/> (empty: routed), built once and shared: serializing a message only reads it.</summary>
    internal static ModelInferRequest BuildRequest(ModelWorkload workload, string version)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = workload.InputName, Datatype = "FP32" };
        input.Shape.AddRange(workload.InputShape);
        var message = new ModelInferRequest { ModelName = workload.Model, ModelVersion = version };
        message.Inputs.Add(input);
        message.RawInputContents.Add(ByteString.CopyFrom(FloatBytes.ToBytes(workload.Input)));
        return message;
    }
}
