using Flowgen.Interop;

namespace Flowgen.Tests.Unit.Interop;

public class PrivilegesTests
{
    const ulong NetAdmin = 1UL << 12;
    const ulong SysAdmin = 1UL << 21;
    const ulong Perfmon = 1UL << 38;
    const ulong Bpf = 1UL << 39;

    [Fact]
    public void CapEff_is_read_as_hex_from_the_status_text()
    {
        const string status = "Name:\tflowgen\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n" +
            "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n";

        Assert.Equal(0x000001ffffffffffUL, Privileges.ParseEffective(status));
    }

    [Fact]
    public void Root_lacks_nothing() =>
        Assert.Empty(Privileges.Missing(0x000001ffffffffffUL));

    [Fact]
    public void Missing_names_each_absent_capability()
    {
        Assert.Equal(["CAP_SYS_ADMIN", "CAP_BPF", "CAP_PERFMON"], Privileges.Missing(NetAdmin));
        Assert.Equal(["CAP_NET_ADMIN", "CAP_SYS_ADMIN", "CAP_BPF", "CAP_PERFMON"], Privileges.Missing(0));
    }

    [Theory]
    [InlineData(NetAdmin | Bpf | Perfmon, true)]
    [InlineData(NetAdmin | SysAdmin, true)]
    [InlineData(NetAdmin | Bpf, false)]
    [InlineData(Bpf | Perfmon | SysAdmin, false)]
    [InlineData(NetAdmin, false)]
    [InlineData(0UL, false)]
    public void Bpf_needs_net_admin_and_either_bpf_with_perfmon_or_sys_admin(ulong effective, bool canUseBpf) =>
        Assert.Equal(canUseBpf, Privileges.CanUseBpfWith(effective));

    [Theory]
    [InlineData("Name:\tflowgen\nCapPrm:\t0\n")]
    [InlineData("CapEff:\tnot-hex\n")]
    public void Status_text_without_a_readable_CapEff_is_an_error(string status) =>
        Assert.Throws<FormatException>(() => Privileges.ParseEffective(status));
}
