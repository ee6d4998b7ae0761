using InferenceHost.Inference.Execution;
using InferenceHost.ModelBuilder;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Tests;

public sealed class LoadedModelTests(SampleModelsFixture models) : IClassFixture<SampleModelsFixture>
{
    public static TheoryData<int> IrisVersions { get; } = [.. IrisMlpReference.Versions];

    [Theory]
    [MemberData(nameof(IrisVersions))]
    public void Run_BatchOfThreeSpecies_MatchesReference(int version)
    {
        var outputs = models.Iris(version).Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], []);

        Assert.Equal([IrisMlpReference.ProbabilitiesName, IrisMlpReference.LabelName], outputs.Select(o => o.Name));
        IrisFlowers.AssertMatchesReference(version, IrisFlowers.ThreeSpecies, outputs);
    }

    [Fact]
    public void Run_ThreeSpecies_LabelsEachFlowerWithItsSpecies()
    {
        var outputs = models.Iris(1).Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], []);

        Assert.Equal([0L, 1L, 2L], TestTensors.Read<long>(outputs.Named(IrisMlpReference.LabelName)));
    }

    [Fact]
    public void Run_OnlyLabelRequested_ReturnsOnlyLabel()
    {
        var outputs = models.Iris(2).Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], [IrisMlpReference.LabelName]);

        var label = Assert.Single(outputs);
        Assert.Equal(IrisMlpReference.LabelName, label.Name);
        Assert.Equal(TensorDatatype.Int64, label.Datatype);
        Assert.Equal(IrisMlpReference.PredictBatch(2, IrisFlowers.ThreeSpecies).Select(p => p.Label), TestTensors.Read<long>(label));
    }

    [Fact]
    public void Run_OutputsRequestedInReverseOrder_ReturnsThemInThatOrder()
    {
        string[] requested = [IrisMlpReference.LabelName, IrisMlpReference.ProbabilitiesName];

        var outputs = models.Iris(3).Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], requested);

        Assert.Equal(requested, outputs.Select(o => o.Name));
        IrisFlowers.AssertMatchesReference(3, IrisFlowers.ThreeSpecies, outputs);
    }

    [Fact]
    public void Run_InputDataAtOddOffset_MatchesReference()
    {
        var aligned = IrisFlowers.Input(IrisFlowers.ThreeSpecies);
        var packed = new byte[aligned.Data.Length + 1];
        aligned.Data.CopyTo(packed.AsMemory(1));

        var outputs = models.Iris(1).Run([aligned with { Data = packed.AsMemory(1) }], []);

        IrisFlowers.AssertMatchesReference(1, IrisFlowers.ThreeSpecies, outputs);
    }

    [Fact]
    public void Run_AllSixDatatypesOfDifferentLengths_MatchDtypeEchoReference()
    {
        var outputs = models.DtypeEcho.Run(DtypeEchoRequest.Inputs(), []);

        DtypeEchoRequest.AssertMatchesReference(outputs);
    }

    [Fact]
    public void Run_InputsInReverseGraphOrder_MatchDtypeEchoReference()
    {
        var outputs = models.DtypeEcho.Run([.. DtypeEchoRequest.Inputs().Reverse()], []);

        DtypeEchoRequest.AssertMatchesReference(outputs);
    }

    [Fact]
    public void Run_EmptyNumericAndTextLanes_ReturnEmptyOutputs()
    {
        var inputs = DtypeEchoRequest.Inputs();
        inputs[0] = TestTensors.Fp32("fp32", [0]);
        inputs[5] = TestTensors.Bytes("text");

        var outputs = models.DtypeEcho.Run(inputs, ["fp32_out", "text_out", "int32_out"]);

        Assert.Equal([[0L], [0L], [DtypeEchoRequest.Int32.Length]], outputs.Select(o => o.Shape));
        Assert.True(outputs[0].Data.IsEmpty);
        Assert.True(outputs[1].Data.IsEmpty);
        Assert.Equal(DtypeEchoReference.Int32Out(DtypeEchoRequest.Int32), TestTensors.Read<int>(outputs[2]));
    }

    [Theory]
    [MemberData(nameof(InvalidRequests.Cases), MemberType = typeof(InvalidRequests))]
    public void Run_InvalidRequest_ThrowsInvalidInputWithClientMessage(string name)
    {
        var request = InvalidRequests.Named(name);

        var error = Assert.Throws<InvalidInputException>(() => models.Get(request.Model).Run(request.Inputs, request.Outputs));

        Assert.Contains(request.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterEveryKindOfInvalidRequest_StillServesCorrectResults()
    {
        foreach (var request in InvalidRequests.All)
        {
            Assert.Throws<InvalidInputException>(() => models.Get(request.Model).Run(request.Inputs, request.Outputs));
        }

        IrisFlowers.AssertServes(models.Iris(1), 1, IrisFlowers.ThreeSpecies);
        DtypeEchoRequest.AssertMatchesReference(models.DtypeEcho.Run(DtypeEchoRequest.Inputs(), []));
    }

    [Fact]
    public async Task Run_EightConcurrentRequests_EachMatchesReference()
    {
        var flowers = new[] { IrisFlowers.Setosa, IrisFlowers.Versicolor, IrisFlowers.Virginica };
        var batches = Enumerable.Range(1, 8)
            .Select(size => IrisFlowers.Batch([.. Enumerable.Range(0, size).Select(i => flowers[(i + size) % flowers.Length])]))
            .ToArray();
        var model = models.Iris(2);

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => model.Run([IrisFlowers.Input(batch)], []))));

        for (var i = 0; i < batches.Length; i++)
        {
            IrisFlowers.AssertMatchesReference(2, batches[i], results[i]);
        }
    }
}
