namespace Flowgen.Contract;

/// <summary>The body of an agent's 4xx answer: what was wrong with the request, or why it was refused.</summary>
public sealed record AgentError(string Error);
