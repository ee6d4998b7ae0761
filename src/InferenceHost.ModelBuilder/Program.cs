using InferenceHost.ModelBuilder;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project src/InferenceHost.ModelBuilder -- <models-dir>");
    return 2;
}

foreach (var path in SampleModelWriter.WriteAll(args[0]))
{
    Console.WriteLine($"wrote {path} ({new FileInfo(path).Length} bytes)");
}

return 0;
