using InferenceHost.Abstractions.Models;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>Builds the gRPC model metadata, configuration and repository index messages.</summary>
internal static class GrpcModelMessages
{
    public static ModelMetadataResponse Metadata(ModelVersionInfo info, IReadOnlyList<string> versions)
    {
        var message = new ModelMetadataResponse { Name = info.Model, Platform = info.Platform };
        message.Versions.AddRange(versions);
        foreach (var input in info.Inputs)
        {
            message.Inputs.Add(TensorMetadata(input));
        }

        foreach (var output in info.Outputs)
        {
            message.Outputs.Add(TensorMetadata(output));
        }

        return message;
    }

    public static ModelConfig Config(ModelVersionInfo info)
    {
        var config = new ModelConfig
        {
            Name = info.Model,
            Platform = info.Platform,
            Backend = ModelConfigFacts.Backend,
            MaxBatchSize = info.MaxBatchSize,
            DefaultModelFilename = ModelConfigFacts.DefaultModelFilename,
        };
        foreach (var input in info.Inputs)
        {
            var modelInput = new ModelInput { Name = input.Name, DataType = DataTypeOf(input.Datatype) };
            modelInput.Dims.AddRange(TensorShapes.ConfigDims(input.Shape, info.MaxBatchSize));
            config.Input.Add(modelInput);
        }

        foreach (var output in info.Outputs)
        {
            var modelOutput = new ModelOutput { Name = output.Name, DataType = DataTypeOf(output.Datatype) };
            modelOutput.Dims.AddRange(TensorShapes.ConfigDims(output.Shape, info.MaxBatchSize));
            config.Output.Add(modelOutput);
        }

        config.InstanceGroup.Add(new ModelInstanceGroup
        {
            Name = ModelConfigFacts.InstanceGroupName(info),
            Kind = ModelConfigFacts.RunsOnGpu(info) ? ModelInstanceGroup.Types.Kind.Gpu : ModelInstanceGroup.Types.Kind.Cpu,
            Count = 1,
        });
        return config;
    }

    public static RepositoryIndexResponse Index(IReadOnlyList<ModelVersionStatus> versions, bool readyOnly)
    {
        var message = new RepositoryIndexResponse();
        foreach (var version in versions)
        {
            if (!readyOnly || version.State == ModelVersionState.Ready)
            {
                message.Models.Add(new RepositoryIndexResponse.Types.ModelIndex
                {
                    Name = version.Model,
                    Version = version.Version,
                    State = ModelConfigFacts.StateName(version.State),
                    Reason = version.Reason,
                });
            }
        }

        return message;
    }

    private static ModelMetadataResponse.Types.TensorMetadata TensorMetadata(TensorSpec spec)
    {
        var tensor = new ModelMetadataResponse.Types.TensorMetadata { Name = spec.Name, Datatype = spec.Datatype };
        tensor.Shape.AddRange(spec.Shape);
        return tensor;
    }

    private static DataType DataTypeOf(string datatype) =>
        !TensorDatatypes.TryParse(datatype, out var type) ? DataType.TypeInvalid : type switch
        {
            TensorDatatype.Bool => DataType.TypeBool,
            TensorDatatype.UInt8 => DataType.TypeUint8,
            TensorDatatype.UInt16 => DataType.TypeUint16,
            TensorDatatype.UInt32 => DataType.TypeUint32,
            TensorDatatype.UInt64 => DataType.TypeUint64,
            TensorDatatype.Int8 => DataType.TypeInt8,
            TensorDatatype.Int16 => DataType.TypeInt16,
            TensorDatatype.Int32 => DataType.TypeInt32,
            TensorDatatype.Int64 => DataType.TypeInt64,
            TensorDatatype.Fp16 => DataType.TypeFp16,
            TensorDatatype.Bf16 => DataType.TypeBf16,
            TensorDatatype.Fp32 => DataType.TypeFp32,
            TensorDatatype.Fp64 => DataType.TypeFp64,
            _ => DataType.TypeString,
        };
}
