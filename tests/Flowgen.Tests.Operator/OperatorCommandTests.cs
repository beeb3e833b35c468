namespace Flowgen.Tests.Operator;

public class OperatorCommandTests
{
    [Fact]
    public void Without_a_command_the_operator_prints_usage_and_exits_2() =>
        Assert.Equal(2, Flowgen.Operator.OperatorCommand.Run([]));
}
