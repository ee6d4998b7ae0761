using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using Grpc.Net.Client;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The host's own answers to a workload's request, byte for byte: the HTTP binary-extension body with its
/// JSON header's length, and the gRPC response as one length-prefixed message. A server that replays them
/// makes the load generator do exactly the work it does against the host.
/// </summary>
internal sealed record RecordedAnswer(byte[] HttpBinaryBody, int HttpBinaryHeaderLength, byte[] GrpcFrame)
{
    /// <exception cref="HttpRequestException">The host did not answer the HTTP request.</exception>
    public static async Task<RecordedAnswer> FetchAsync(DotnetServer host, ModelWorkload workload, CancellationToken cancellationToken)
    {
        var encoding = new BinaryInferEncoding(workload);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = encoding.CreateRequest(new Uri(host.HttpAddress, $"v2/models/{workload.Model}/versions/{ModelWorkload.Version}/infer"));
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        HttpInferWorker.EnsureSuccess(response, body);
        var headerLength = int.Parse(response.Headers.GetValues(BinaryInferEncoding.HeaderLengthHeader).Single(), CultureInfo.InvariantCulture);

        using var channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { UseProxy = false } });
        var reply = await new GRPCInferenceService.GRPCInferenceServiceClient(channel)
            .ModelInferAsync(GrpcRawTarget.BuildRequest(workload, ModelWorkload.Version), cancellationToken: cancellationToken);
        return new RecordedAnswer(body, headerLength, Frame(reply.ToByteArray()));
    }

    // gRPC's message framing: a compressed flag (0) and the message length, big-endian.
    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
