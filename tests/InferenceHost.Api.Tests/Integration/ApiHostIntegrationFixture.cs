using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Integration;

/// <summary>
/// The real host (silo, repository models) with the body limit lowered to
/// <see cref="MaxRequestBodyBytes"/>, so an oversized request is cheap to send.
/// </summary>
public sealed class ApiHostIntegrationFixture : InferenceHostFixture
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    protected override IEnumerable<string> ExtraArguments() =>
        [$"--InferenceHost:Api:MaxRequestBodyBytes={MaxRequestBodyBytes}"];
}
