using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>The sticky routing key in an HTTP request's JSON <c>parameters</c>.</summary>
public sealed class RoutingParameterTests
{
    [Theory]
    [InlineData("""{"routing_key":"user-7"}""", "user-7")]
    [InlineData("""{"routing_key":12345678901}""", "12345678901")]
    [InlineData("""{"routing_key":null}""", null)]
    [InlineData("""{"binary_data_output":false}""", null)]
    [InlineData("""{"other_key":"x","routing_key":"k","binary_data_output":true}""", "k")]
    public void Read_RoutingParameter_IsTheKeyAsText(string parameters, string? key)
    {
        Assert.Equal(key, Read(parameters, "routing_key").RoutingKey);
    }

    [Fact]
    public void Read_ConfiguredParameterName_IsTheOneRead()
    {
        Assert.Equal("t-1", Read("""{"routing_key":"x","tenant":"t-1"}""", "tenant").RoutingKey);
        Assert.Null(Read("""{"routing_key":"x"}""", routingParameter: null).RoutingKey);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1.5")]
    [InlineData("""["a"]""")]
    public void Read_RoutingParameterNeitherStringNorInteger_IsInvalidInput(string value)
    {
        var error = Assert.Throws<InferenceException>(() => Read($$"""{"routing_key":{{value}}}""", "routing_key"));

        Assert.Equal((InferenceErrorKind.InvalidInput, "parameter 'routing_key' must be a string or an integer"), (error.Kind, error.Message));
    }

    private static HttpInferRequest Read(string parameters, string? routingParameter)
    {
        var json = $$"""{"parameters":{{parameters}},"inputs":[{"name":"input","shape":[1],"datatype":"FP32","data":[1]}]}""";
        return JsonInferRequestReader.Read(Encoding.UTF8.GetBytes(json), headerLength: null, routingParameter);
    }
}
