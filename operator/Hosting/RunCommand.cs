using System.Runtime.InteropServices;
using Flowgen.Contract;
using Microsoft.Extensions.Logging;

namespace Flowgen.Operator.Hosting;

/// <summary>`flowgen-operator run`: the operator until SIGTERM or SIGINT, which step down gracefully.</summary>
internal static class RunCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (RunOptions.RequestsHelp(args))
        {
            output.Write(RunOptions.Help);
            return 0;
        }
        RunOptions options;
        try
        {
            options = RunOptions.Parse(args);
        }
        catch (UsageException e)
        {
            errors.WriteLine($"flowgen-operator run: {e.Message}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var logs = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
        new OperatorHost(options, logs).RunAsync(stop.Token).GetAwaiter().GetResult();
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
