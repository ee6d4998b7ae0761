using System.Globalization;
using System.Text;
using Google.Protobuf.Collections;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Tests.Grpc;

/// <summary>
/// The same text for a request whichever parser read it: the generated <see cref="ModelInferRequest"/> or the host's
/// <see cref="GrpcInferRequest"/>. Maps are listed by key, each key's value as the map holds it (the last entry wins).
/// </summary>
internal static class RequestDescriptions
{
    private static readonly ContentsField[] Fields = Enum.GetValues<ContentsField>();

    public static string Of(ModelInferRequest request)
    {
        var text = new StringBuilder();
        text.AppendLine($"model '{request.ModelName}' version '{request.ModelVersion}' id '{request.Id}'");
        Parameters(text, request.Parameters);
        foreach (var input in request.Inputs)
        {
            text.AppendLine($"input '{input.Name}' '{input.Datatype}' [{string.Join(',', input.Shape)}]");
            Parameters(text, input.Parameters);
            var contents = input.Contents ?? new InferTensorContents();
            text.AppendLine($"  has contents: {HasAny(contents)}");
            text.AppendLine($"  bool {string.Join(',', contents.BoolContents)}");
            text.AppendLine($"  int {string.Join(',', contents.IntContents)}");
            text.AppendLine($"  int64 {string.Join(',', contents.Int64Contents)}");
            text.AppendLine($"  uint {string.Join(',', contents.UintContents)}");
            text.AppendLine($"  uint64 {string.Join(',', contents.Uint64Contents)}");
            text.AppendLine($"  fp32 {string.Join(',', contents.Fp32Contents.Select(BitConverter.SingleToUInt32Bits))}");
            text.AppendLine($"  fp64 {string.Join(',', contents.Fp64Contents.Select(BitConverter.DoubleToUInt64Bits))}");
            text.AppendLine($"  bytes {string.Join(',', contents.BytesContents.Select(b => Convert.ToHexString(b.Span)))}");
        }

        foreach (var output in request.Outputs)
        {
            text.AppendLine($"output '{output.Name}'");
            Parameters(text, output.Parameters);
        }

        foreach (var raw in request.RawInputContents)
        {
            text.AppendLine($"raw {Convert.ToHexString(raw.Span)}");
        }

        return text.ToString();
    }

    public static string Of(GrpcInferRequest request)
    {
        var text = new StringBuilder();
        text.AppendLine($"model '{request.ModelName}' version '{request.ModelVersion}' id '{request.Id}'");
        Parameters(text, request.Parameters);
        foreach (var input in request.Inputs)
        {
            text.AppendLine($"input '{input.Name}' '{input.Datatype}' [{string.Join(',', input.Shape)}]");
            Parameters(text, input.Parameters);
            text.AppendLine($"  has contents: {input.Contents.HasAny}");
            foreach (var field in Fields)
            {
                text.AppendLine($"  {Label(field)} {string.Join(',', Elements(input.Contents, field))}");
            }
        }

        foreach (var output in request.Outputs)
        {
            text.AppendLine($"output '{output.Name}'");
            Parameters(text, output.Parameters);
        }

        foreach (var raw in request.RawInputContents)
        {
            text.AppendLine($"raw {Convert.ToHexString(raw.Span)}");
        }

        return text.ToString();
    }

    private static bool HasAny(InferTensorContents contents) =>
        (contents.BoolContents.Count | contents.IntContents.Count | contents.Int64Contents.Count | contents.UintContents.Count
            | contents.Uint64Contents.Count | contents.Fp32Contents.Count | contents.Fp64Contents.Count | contents.BytesContents.Count) != 0;

    private static string Label(ContentsField field) => field switch
    {
        ContentsField.Bool => "bool",
        ContentsField.Int => "int",
        ContentsField.Int64 => "int64",
        ContentsField.Uint => "uint",
        ContentsField.Uint64 => "uint64",
        ContentsField.Fp32 => "fp32",
        ContentsField.Fp64 => "fp64",
        _ => "bytes",
    };

    /// <summary>Each element as the generated field's type prints it.</summary>
    private static List<string> Elements(GrpcTensorContents contents, ContentsField field)
    {
        var values = new List<string>();
        var elements = contents.Elements(field);
        while (elements.MoveNext())
        {
            var bits = elements.Current;
            values.Add(field switch
            {
                ContentsField.Bool => (bits != 0).ToString(),
                ContentsField.Int => ((int)bits).ToString(CultureInfo.InvariantCulture),
                ContentsField.Int64 => ((long)bits).ToString(CultureInfo.InvariantCulture),
                ContentsField.Uint or ContentsField.Fp32 => ((uint)bits).ToString(CultureInfo.InvariantCulture),
                ContentsField.Uint64 or ContentsField.Fp64 => bits.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToHexString(elements.CurrentBytes),
            });
        }

        return values;
    }

    private static void Parameters(StringBuilder text, MapField<string, InferParameter> parameters)
    {
        foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var described = value.ParameterChoiceCase switch
            {
                InferParameter.ParameterChoiceOneofCase.BoolParam => value.BoolParam.ToString(),
                InferParameter.ParameterChoiceOneofCase.Int64Param => value.Int64Param.ToString(CultureInfo.InvariantCulture),
                InferParameter.ParameterChoiceOneofCase.StringParam => value.StringParam,
                InferParameter.ParameterChoiceOneofCase.DoubleParam => BitConverter.DoubleToUInt64Bits(value.DoubleParam).ToString(CultureInfo.InvariantCulture),
                InferParameter.ParameterChoiceOneofCase.Uint64Param => value.Uint64Param.ToString(CultureInfo.InvariantCulture),
                _ => "-",
            };
            text.AppendLine($"  parameter '{key}' {value.ParameterChoiceCase} {described}");
        }
    }

    /// <summary>Lists the map as the generated one holds it, and checks that lookups find what the listing shows.</summary>
    private static void Parameters(StringBuilder text, GrpcParameters parameters)
    {
        var map = new Dictionary<string, GrpcParameter>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            map[key] = value;
        }

        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Assert.True(parameters.TryGetValue(key, out var found));
            Assert.Equal(value, found);
            var described = value.Kind switch
            {
                InferParameter.ParameterChoiceOneofCase.BoolParam => value.BoolValue.ToString(),
                InferParameter.ParameterChoiceOneofCase.Int64Param => value.Int64Value.ToString(CultureInfo.InvariantCulture),
                InferParameter.ParameterChoiceOneofCase.StringParam => value.Text,
                InferParameter.ParameterChoiceOneofCase.DoubleParam => value.Bits.ToString(CultureInfo.InvariantCulture),
                InferParameter.ParameterChoiceOneofCase.Uint64Param => value.Uint64Value.ToString(CultureInfo.InvariantCulture),
                _ => "-",
            };
            text.AppendLine($"  parameter '{key}' {value.Kind} {described}");
        }

        Assert.False(parameters.ContainsKey("no such parameter"));
    }
}
