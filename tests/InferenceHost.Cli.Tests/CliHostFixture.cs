using InferenceHost.Tests.Common;

namespace InferenceHost.Cli.Tests;

/// <summary>
/// The real host with a configured admin token and principal, and grain state of its own (the CLI
/// tests change deployments), with a way to run the CLI against it.
/// </summary>
public sealed class CliHostFixture : InferenceHostFixture
{
    public const string Token = "cli-tests-token-0123456789";

    public const string Principal = "cli-operator";

    /// <summary>The CLI with <c>--url</c> and <c>--token</c> for this host.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--url", HttpAddress.ToString(), "--token", Token]);

    /// <summary>The CLI with <c>--url</c> for this host and nothing else.</summary>
    public Task<CliResult> RunWithUrlAsync(params string[] args) => CliRunner.RunAsync([.. args, "--url", HttpAddress.ToString()]);

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
    ];
}
