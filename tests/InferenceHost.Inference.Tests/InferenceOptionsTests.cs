using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Inference.Tests;

/// <summary>The annotated ranges the host validates at start.</summary>
public sealed class InferenceOptionsTests
{
    [Fact]
    public void RescanInterval_Default_IsTenSecondsAndValid()
    {
        var options = new InferenceOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.RescanInterval);
        Assert.Empty(Problems(options));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(31)]
    public void RescanInterval_OutsideOneToThirtySeconds_IsRefused(double seconds)
    {
        var problem = Assert.Single(Problems(new InferenceOptions { RescanInterval = TimeSpan.FromSeconds(seconds) }));

        Assert.Equal([nameof(InferenceOptions.RescanInterval)], problem.MemberNames);
    }

    private static List<ValidationResult> Problems(InferenceOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
