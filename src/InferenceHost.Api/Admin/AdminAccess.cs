namespace InferenceHost.Api.Admin;

/// <summary>What a request's credentials allow.</summary>
internal enum AdminAccess
{
    /// <summary>The right bearer token.</summary>
    Granted,

    /// <summary>No <c>Authorization: Bearer</c> header: 401.</summary>
    MissingToken,

    /// <summary>A bearer token, but not the right one: 403.</summary>
    InvalidToken,
}
