namespace InferenceHost.Cli.Watch;

/// <summary>Where <c>rollout watch</c> shows what it reads: a live view on a terminal, frames in a log.</summary>
internal interface IWatchScreen
{
    /// <summary>Runs <paramref name="watch"/>, which hands each snapshot it reads to the show action it is given.</summary>
    Task<T> RunAsync<T>(Func<Action<RolloutSnapshot>, Task<T>> watch);
}
