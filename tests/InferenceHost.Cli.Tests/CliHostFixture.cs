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
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(ForThisHost(args));

    /// <summary>The same, printing to <paramref name="output"/> as it runs; cancelling <paramref name="interrupted"/> is Ctrl+C.</summary>
    public Task<CliResult> RunAsync(TextWriter output, CancellationToken interrupted, params string[] args) =>
        CliRunner.RunAsync(ForThisHost(args), output, interrupted);

    /// <summary>The CLI with <c>--url</c> for this host and nothing else.</summary>
    public Task<CliResult> RunWithUrlAsync(params string[] args) => CliRunner.RunAsync([.. args, "--url", HttpAddress.ToString()]);

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
    ];

    private string[] ForThisHost(string[] args) => [.. args, "--url", HttpAddress.ToString(), "--token", Token];
}
