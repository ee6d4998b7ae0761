using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>The embedded default: grain state in files, restarted over the same state folder.</summary>
public sealed class FileStorageRestartTests(EmbeddedAdminHostFixture host)
    : DeploymentRestartTests(host), IClassFixture<EmbeddedAdminHostFixture>;
