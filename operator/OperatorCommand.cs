using Flowgen.Operator.Api;
using Flowgen.Operator.Hosting;

namespace Flowgen.Operator;

/// <summary>The `flowgen-operator` entry point.</summary>
internal static class OperatorCommand
{
    private const string Usage = """
        usage: flowgen-operator COMMAND

        commands:
          crd     print the TrafficFlow CustomResourceDefinition (YAML) generated from operator/Api
          run     run the operator (see 'flowgen-operator run --help')
        """;

    public static int Run(string[] args) => Run(args, Console.Out);

    internal static int Run(string[] args, TextWriter output)
    {
        if (args is ["crd"])
        {
            output.Write(TrafficFlowCrd.ToYaml());
            return 0;
        }
        if (args is [RunOptions.Command, .. var rest])
            return RunCommand.Run(rest, output, Console.Error);

        output.Write(Usage);
        return args is ["-h"] or ["--help"] ? 0 : 2;
    }
}
