using InferenceHost.Silo;

await InferenceHostApplication.Create(args).RunAsync();
