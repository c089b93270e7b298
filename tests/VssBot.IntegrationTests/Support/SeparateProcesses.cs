namespace VssBot.IntegrationTests.Support;

/// <summary>
/// The tests that start other processes (the VssBot host, a command of it, a PostgreSQL
/// cluster, headless Chromium) run in this one collection, one after another: each of them
/// already keeps the two cores busy, and two side by side starve each other's start-ups,
/// kills and browsers into timeouts on a loaded machine. In-process tests still run beside
/// them. A new test class that starts a process joins it:
/// <c>[Collection(SeparateProcesses.Name)]</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeparateProcesses
{
    public const string Name = "separate processes";
}
