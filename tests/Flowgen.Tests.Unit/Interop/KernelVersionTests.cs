using Flowgen.Interop;

namespace Flowgen.Tests.Unit.Interop;

public class KernelVersionTests
{
    [Theory]
    [InlineData("6.18.44-fc-v595\n", 6, 18)]
    [InlineData("5.15.0-91-generic", 5, 15)]
    [InlineData("6.1", 6, 1)]
    [InlineData("6.8.0+", 6, 8)]
    [InlineData("4.19.0-rc3", 4, 19)]
    public void Release_text_gives_major_and_minor(string release, int major, int minor) =>
        Assert.Equal(new KernelVersion(major, minor), KernelVersion.Parse(release));

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("linux-6.1")]
    [InlineData("6.x")]
    [InlineData("6.18abc")]
    public void Unreadable_release_text_is_an_error(string release) =>
        Assert.Throws<FormatException>(() => KernelVersion.Parse(release));

    [Fact]
    public void Versions_compare_by_major_then_minor()
    {
        Assert.True(new KernelVersion(6, 18).IsAtLeast(6, 3));
        Assert.True(new KernelVersion(6, 1).IsAtLeast(5, 18));
        Assert.False(new KernelVersion(5, 18).IsAtLeast(6, 0));
        Assert.True(new KernelVersion(5, 9) < new KernelVersion(5, 10));
        Assert.Equal("6.18", new KernelVersion(6, 18).ToString());
    }
}
