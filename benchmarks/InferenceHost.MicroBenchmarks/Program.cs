using BenchmarkDotNet.Running;
using InferenceHost.MicroBenchmarks;

BenchmarkSwitcher.FromAssembly(typeof(QuickMode).Assembly).Run(QuickMode.Expand(args));
