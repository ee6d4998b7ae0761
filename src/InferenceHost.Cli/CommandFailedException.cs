namespace InferenceHost.Cli;

/// <summary>A command that could not be done; its message is printed as <c>error: &lt;message&gt;</c> with exit code 1.</summary>
internal class CommandFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
