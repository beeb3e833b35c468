using System.Globalization;
using System.Text.RegularExpressions;

namespace Flowgen.Tests.Kernel.TestBed;

/// <summary>
/// Input flowgen can't act on: the documented exit code, a <c>flowgen: …</c> message on stderr
/// that names the problem, and nothing left behind.
/// </summary>
public static class Rejection
{
    /// <param name="what">Names the case in failure messages.</param>
    /// <param name="phrases">Regular expressions (case-insensitive) stderr must match.</param>
    public static async Task<ProcessResult> AssertAsync(string what, Func<Task<ProcessResult>> run, int exitCode, string[] phrases)
    {
        var before = await SystemSnapshot.TakeAsync();

        var result = await run();

        var described = $"{what}: {result.Describe()}";
        Assert.True(result.ExitCode == exitCode, $"expected exit code {exitCode.ToString(CultureInfo.InvariantCulture)}: {described}");
        Assert.True(result.Stderr.StartsWith("flowgen: ", StringComparison.Ordinal), $"expected 'flowgen: <message>' on stderr: {described}");
        foreach (var phrase in phrases)
            Assert.True(Regex.IsMatch(result.Stderr, phrase, RegexOptions.IgnoreCase), $"stderr should match /{phrase}/i: {described}");
        Assert.Empty(await SystemSnapshot.LeftoversSinceAsync(before));
        return result;
    }
}
