using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api.Routing;

/// <summary>Where one request runs, decided before it runs.</summary>
/// <param name="Target">The ready version that serves it.</param>
/// <param name="Decision">Why that version, with its version filled in.</param>
/// <param name="ShadowVersion">The version it is also mirrored to, off the response path; null when not drawn.</param>
public readonly record struct InferenceRoute(ModelVersionInfo Target, RouteDecision Decision, string? ShadowVersion);
