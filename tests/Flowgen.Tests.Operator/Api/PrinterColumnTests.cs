using Flowgen.Operator.Api;

namespace Flowgen.Tests.Operator.Api;

public class PrinterColumnTests
{
    [Fact]
    public void Kubectl_get_shows_phase_agents_rate_sent_and_age()
    {
        var columns = TrafficFlowCrd.Build().Spec.Versions.Single().AdditionalPrinterColumns;
        Assert.Equal(["Phase", "Agents", "Rate", "Sent", "Age"], columns.Select(c => c.Name));
        Assert.Equal(".metadata.creationTimestamp", columns.Single(c => c.Name == "Age").JsonPath);
    }

    [Theory]
    [InlineData("Phase", "string")]
    [InlineData("Agents", "integer")]
    [InlineData("Rate", "string")]
    [InlineData("Sent", "integer")]
    public void Each_status_column_points_at_a_status_field_of_its_type(string name, string type)
    {
        var column = TrafficFlowCrd.Build().Spec.Versions.Single().AdditionalPrinterColumns.Single(c => c.Name == name);
        Assert.StartsWith(".status.", column.JsonPath, StringComparison.Ordinal);
        var field = CrdSchema.At(column.JsonPath);
        Assert.NotNull(field);
        Assert.Equal((type, type), (column.Type, field["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(0, "0 pps")]
    [InlineData(949, "949 pps")]
    [InlineData(999.6, "1.0 kpps")]
    [InlineData(999_960, "1.0 Mpps")]
    [InlineData(12_345_678, "12.3 Mpps")]
    [InlineData(148_800_000, "148.8 Mpps")]
    [InlineData(2.5e9, "2.5 Gpps")]
    public void Rate_reads_like_a_person_writes_it(double packetsPerSecond, string text) =>
        Assert.Equal(text, PacketRate.Format(packetsPerSecond));
}
