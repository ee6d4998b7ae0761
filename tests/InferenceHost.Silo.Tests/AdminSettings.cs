namespace InferenceHost.Silo.Tests;

/// <summary>The admin token and principal every host of these tests is configured with.</summary>
public static class AdminSettings
{
    public const string Token = "silo-tests-admin-token-0123456789";

    /// <summary>The actor the audit log and <c>changed_by</c> name for the token's changes.</summary>
    public const string Principal = "silo-test-operator";

    public static IEnumerable<string> Arguments =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
    ];
}
