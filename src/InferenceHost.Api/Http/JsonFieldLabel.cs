namespace InferenceHost.Api.Http;

/// <summary>
/// Names a field of the <paramref name="Index"/>th input or output (<c>input 0: 'name'</c>) in a 400's message. A struct
/// formatted only when the message is built, so reading a valid request makes no label text.
/// </summary>
/// <param name="Kind"><c>input</c> or <c>output</c>.</param>
/// <param name="Index">The tensor's position in its array.</param>
/// <param name="Field">The JSON field.</param>
internal readonly record struct JsonFieldLabel(string Kind, int Index, string Field)
{
    public override string ToString() => $"{Kind} {Index}: '{Field}'";
}
