using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;

namespace InferenceHost.Api.Tests.Grpc;

public sealed class GrpcErrorInterceptorTests
{
    [Fact]
    public void Trailers_Overloaded_CarryTheRetryPushback()
    {
        var trailers = GrpcErrorInterceptor.Trailers(InferenceException.Overloaded("full", TimeSpan.FromSeconds(1)));

        Assert.Equal("1000", trailers.GetValue(GrpcErrorInterceptor.RetryPushbackTrailer));
    }

    [Fact]
    public void Trailers_UnavailableWithoutRetryAfter_None()
    {
        Assert.Empty(GrpcErrorInterceptor.Trailers(InferenceException.Unavailable("not ready")));
    }
}
