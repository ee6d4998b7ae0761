namespace InferenceHost.Benchmarks.Targets;

/// <summary>How an HTTP mode encodes its (pre-built) request and decodes an output from the response.</summary>
internal interface IHttpInferEncoding
{
    string Mode { get; }

    /// <summary>A new request message over a body built once, so the client spends no time encoding.</summary>
    HttpRequestMessage CreateRequest(Uri inferUri);

    float[] DecodeOutput(byte[] body, HttpResponseMessage response, string output);
}
