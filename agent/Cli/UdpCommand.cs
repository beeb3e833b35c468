using Flowgen.Contract;
using Flowgen.Engine;

namespace Flowgen.Cli;

/// <summary>`flowgen udp [options] IFACE`: sends UDP frames out of IFACE with live frames.</summary>
internal static class UdpCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (UdpJob.RequestsHelp(args))
        {
            Console.Out.Write(UdpJob.Help);
            return ExitCodes.Done;
        }
        UdpJob job = UdpJob.Parse(args);
        using var stop = new StopRequests();
        PreparedUdpJob prepared = await UdpJobPreparation.PrepareAsync(job, stop.Token);
        using var program = GeneratorProgram.Load(GeneratorProgramKind.Udp, prepared.BpfConfig);
        var generator = new LiveFramesGenerator(program, prepared.Template.Frame, prepared.Settings);
        var reporter = new UdpReporter(Console.Out, job.Json, job.FrameSize);

        reporter.Started(prepared);
        RunOutcome outcome = await GeneratorSession.RunAsync(generator, job.Interval, reporter.Interval, stop.Token);
        reporter.Summary(outcome);
        if (outcome.Reason is { } reason && outcome.Result is RunResult.CannotTransmit or RunResult.Failed)
            Console.Error.WriteLine($"flowgen: {reason}");
        return outcome.Result switch
        {
            RunResult.Completed or RunResult.Stopped => ExitCodes.Done,
            RunResult.CannotTransmit => ExitCodes.Environment,
            _ => ExitCodes.Failed,
        };
    }
}
