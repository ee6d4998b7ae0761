using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Tests;

public sealed class TextTableTests
{
    [Fact]
    public void WriteTo_AlignsColumnsTwoSpacesApartAndTrimsLineEnds()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        new TextTable("MODEL", "VERSION", "REASON")
            .AddRow("iris-mlp", "1", "")
            .AddRow("dtype-echo", "12", "bad\nfile")
            .WriteTo(writer);

        Assert.Equal("MODEL       VERSION  REASON\niris-mlp    1\ndtype-echo  12       bad file\n", writer.ToString());
    }
}
