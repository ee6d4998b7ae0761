using System.Diagnostics;
using System.Text.Json;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary>
/// Runs one scenario of <c>browser/dashboard.mjs</c> (Playwright driving Debian's headless Chromium) against a
/// host, and returns the JSON it printed: what the page showed. Screenshots land in <see cref="Screenshots"/>.
/// </summary>
internal static class DashboardBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(110);

    public static string ScriptFolder => Path.Combine(RepositoryPaths.Root, "tests", "InferenceHost.Api.Tests", "Dashboard", "browser");

    /// <summary><c>artifacts/dashboard-screenshots</c> at the repository root (ignored by git), one PNG per page shown.</summary>
    public static string Screenshots => Path.Combine(RepositoryPaths.Root, "artifacts", "dashboard-screenshots");

    public static async Task<JsonElement> RunAsync(Uri host, string token, string scenario, params string[] args)
    {
        Assert.True(File.Exists(Chromium), $"The dashboard's browser tests drive Chromium at {Chromium}: install Debian's chromium (apt-get install chromium).");
        Assert.True(
            Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "playwright-core")),
            $"playwright-core is not installed in {ScriptFolder}; building the test project runs npm ci there.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["dashboard.mjs", scenario, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DASHBOARD_URL"] = host.ToString().TrimEnd('/');
        start.Environment["DASHBOARD_TOKEN"] = token;
        start.Environment["DASHBOARD_SCREENSHOTS"] = Screenshots;
        start.Environment["CHROMIUM"] = Chromium;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using (var deadline = new CancellationTokenSource(Limit))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"dashboard scenario '{scenario}' ran past {Limit}; stderr: {await errors}");
            }
        }

        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        Assert.True(last is not null, $"dashboard scenario '{scenario}' printed nothing (exit code {process.ExitCode}); stderr: {await errors}");
        var result = JsonDocument.Parse(last).RootElement.Clone();
        if (!result.GetProperty("ok").GetBoolean())
        {
            Assert.Fail($"dashboard scenario '{scenario}' failed: {result.GetProperty("error")} (see {Screenshots}); stderr: {await errors}");
        }

        var problems = result.GetProperty("problems");
        Assert.True(problems.GetArrayLength() == 0, $"the page reported script errors: {problems}");
        return result;
    }
}
