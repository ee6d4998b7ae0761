using InferenceHost.Inference.Execution;

namespace InferenceHost.Inference.Tests;

internal static class DeviceAssert
{
    /// <summary>
    /// A model on 'auto' runs on the GPU where CUDA is usable; elsewhere on the CPU, and then its
    /// reason tells the operator why CUDA was not used.
    /// </summary>
    public static void AutoDeviceIsExplained(LoadedModel model)
    {
        if (model.Device == ExecutionDevice.Gpu)
        {
            Assert.Equal("CUDA device 0", model.DeviceReason);
            return;
        }

        Assert.StartsWith("CUDA is not usable: ", model.DeviceReason, StringComparison.Ordinal);
        Assert.True(model.DeviceReason.Length > "CUDA is not usable: ".Length, "the reason names the cause");
    }
}
