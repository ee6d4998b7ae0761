using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace InferenceHost.Api.Tests.Http;

public sealed class HttpErrorResponderTests
{
    private readonly HttpErrorResponder _responder = new(NullLogger<HttpErrorResponder>.Instance);

    [Fact]
    public async Task WriteAsync_Overloaded_Answers503WithRetryAfterInWholeSeconds()
    {
        var context = NewContext();

        await _responder.WriteAsync(context, InferenceException.Overloaded("the batching queue is full", TimeSpan.FromMilliseconds(1500)));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.Contains("the batching queue is full", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_UnavailableWithoutRetryAfter_Answers503WithoutTheHeader()
    {
        var context = NewContext();

        await _responder.WriteAsync(context, InferenceException.Unavailable("not ready"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(1000, "1")]
    [InlineData(1001, "2")]
    public void RetryAfterSeconds_RoundsUpToAtLeastOneSecond(int milliseconds, string expected)
    {
        Assert.Equal(expected, HttpErrorResponder.RetryAfterSeconds(TimeSpan.FromMilliseconds(milliseconds)));
    }

    private static DefaultHttpContext NewContext() => new() { Response = { Body = new MemoryStream() } };

    private static string Body(HttpContext context) =>
        System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
