using Flowgen.Contract;
using Flowgen.Control;

namespace Flowgen.Tests.Unit.Agent;

public sealed class BearerTokenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flowgen-token-").FullName;

    private static readonly BearerToken Token = new("s3cret-token");

    [Theory]
    [InlineData("Bearer s3cret-token")]
    [InlineData("bearer s3cret-token")]
    [InlineData("Bearer  s3cret-token ")]
    public void Right_token_is_accepted(string header) => Assert.True(Token.Accepts(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer s3cret-toke")]
    [InlineData("Bearer s3cret-token2")]
    [InlineData("Bearer S3CRET-TOKEN")]
    [InlineData("Basic s3cret-token")]
    [InlineData("s3cret-token")]
    public void Wrong_or_missing_token_is_refused(string? header) => Assert.False(Token.Accepts(header));

    [Fact]
    public void Token_file_content_is_trimmed()
    {
        string path = Write("s3cret-token\n");

        Assert.True(BearerToken.FromFile(path).Accepts("Bearer s3cret-token"));
    }

    [Fact]
    public void Missing_token_file_is_a_usage_error_naming_the_file()
    {
        string path = Path.Combine(_directory, "absent");

        var error = Assert.Throws<UsageException>(() => BearerToken.FromFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    public void Empty_token_file_is_a_usage_error(string content)
    {
        var error = Assert.Throws<UsageException>(() => BearerToken.FromFile(Write(content)));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        string path = Path.Combine(_directory, "token");
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
