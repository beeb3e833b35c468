namespace Flowgen.Operator;

/// <summary>The `flowgen-operator` entry point.</summary>
internal static class OperatorCommand
{
    private const string Usage = """
        usage: flowgen-operator COMMAND

        commands:
          crd     print the TrafficFlow CustomResourceDefinition (YAML) generated from operator/Api
        """;

    public static int Run(string[] args)
    {
        Console.Out.Write(Usage);
        return args.Length == 0 ? 2 : 0;
    }
}
