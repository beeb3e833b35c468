using Flowgen.Contract;
using Flowgen.Engine;
using Flowgen.Engine.Tcp;

namespace Flowgen.Cli;

/// <summary>
/// `flowgen tcp [options] -i IFACE HOST`: the kernel connects, XDP live frames stream the data,
/// the flows end with a FIN exchange; then the frozen sockets are dropped silently and the
/// programs detached.
/// </summary>
internal static class TcpCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        TcpJob job = TcpJob.Parse(args);
        using var stop = new StopRequests();
        PreparedTcpJob prepared = TcpJobPreparation.Prepare(job);
        using var program = TcpProgram.Attach(prepared.Interface);
        var flows = new List<TakenOverFlow>();
        try
        {
            for (int i = 0; i < job.Flows; i++)
            {
                int index = i;
                flows.Add(await TcpHandover.TakeOverAsync(program, prepared, i, r => TcpFlowShares.Segments(job, index, r), stop.Token));
            }
            using var closing = new TcpClosing(program, prepared.Interface.Index);
            var stream = new TcpStream(program, flows, prepared.Cpus, job.BatchSize, job.Duration);
            var reporter = new TcpReporter(Console.Out, job.Json);
            reporter.Started(prepared, flows);

            TcpStreamOutcome outcome = await GeneratorSession.RunAsync(
                stream.RunAsync, stream.Stop, stream.ReadCounters, job.Interval, reporter.Interval, stop.Token);
            bool finished = outcome.Result is RunResult.Completed or RunResult.Stopped;
            bool clean = finished && flows.Select(closing.Close).ToList().All(closed => closed);
            outcome = outcome with { Counters = stream.ReadCounters(), CleanClose = clean };
            reporter.Summary(outcome, flows[0].RecordSize);
            if (outcome.Reason is { } reason && !finished)
                Console.Error.WriteLine($"flowgen: {reason}");
            else if (finished && !clean)
                Console.Error.WriteLine("flowgen: warning: the receiver did not complete the FIN exchange (all data was acknowledged)");
            return ExitCodes.Of(outcome.Result);
        }
        finally
        {
            // Frozen sockets close silently; the flows' map entries go with the program.
            foreach (TakenOverFlow flow in flows)
                flow.Dispose();
        }
    }
}
