namespace InferenceHost.Cli.Admin;

/// <summary>The API refused a request; the message is the server's, with the status.</summary>
internal sealed class AdminApiException(int status, string serverMessage)
    : CommandFailedException($"{serverMessage} (HTTP {status})")
{
    public int Status => status;
}
