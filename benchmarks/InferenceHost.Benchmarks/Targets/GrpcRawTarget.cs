using Google.Protobuf;
using Grpc.Net.Client;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// A server over gRPC with <c>raw_input_contents</c> (as Triton's Python client sends), so it answers
/// in <c>raw_output_contents</c>. One channel multiplexes all workers over HTTP/2. An empty
/// <c>model_version</c> lets the host route by its deployment.
/// </summary>
internal sealed class GrpcRawTarget : ILoadTarget
{
    private readonly GrpcChannel channel;
    private readonly GRPCInferenceService.GRPCInferenceServiceClient client;
    private readonly ModelInferRequest request;
    private readonly string mode;

    public GrpcRawTarget(string mode, Uri address, ModelWorkload workload, string? version, IServerProbe server)
    {
        this.mode = mode;
        Server = server;
        ExpectsRawAnswer = version is not null;
        channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
        });
        client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
        request = BuildRequest(workload, version ?? string.Empty);
    }

    public string Mode => mode;

    public bool BlocksThread => false;

    public IServerProbe? Server { get; }

    public bool ExpectsRawAnswer { get; }

    public ILoadWorker CreateWorker() => new GrpcRawWorker(client, request);

    public async Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken)
    {
        var response = await client.ModelInferAsync(request, cancellationToken: cancellationToken);
        var index = response.Outputs.Select(tensor => tensor.Name).ToList().IndexOf(output);
        return index >= 0 && index < response.RawOutputContents.Count
            ? FloatBytes.ToFloats(response.RawOutputContents[index].Span)
            : throw new InvalidOperationException($"the gRPC response has no raw output '{output}'");
    }

    public ValueTask DisposeAsync()
    {
        channel.Dispose();
        return ValueTask.CompletedTask;
    }

    // Built once and shared: serializing a message only reads it.
    private static ModelInferRequest BuildRequest(ModelWorkload workload, string version)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = workload.InputName, Datatype = "FP32" };
        input.Shape.AddRange(workload.InputShape);
        var message = new ModelInferRequest { ModelName = workload.Model, ModelVersion = version };
        message.Inputs.Add(input);
        message.RawInputContents.Add(ByteString.CopyFrom(FloatBytes.ToBytes(workload.Input)));
        return message;
    }
}
