using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests;

/// <summary>The embedded default (one silo, grain state in files under its own folder) with a configured admin token.</summary>
public sealed class EmbeddedAdminHostFixture : InferenceHostFixture
{
    protected override IEnumerable<string> ExtraArguments() => AdminSettings.Arguments;
}
