using System.Net;
using Flowgen.Contract;
using Flowgen.Operator.Api;
using Flowgen.Operator.Kubernetes;

namespace Flowgen.Operator.Hosting;

/// <summary>The options of `flowgen-operator run`.</summary>
internal sealed record RunOptions
{
    public const string Command = "run";
    private const string DefaultNamespace = "flowgen-system";

    private static readonly OptionSpec ServerOption = new("server", null, "URL", "API server to talk to, without credentials (tests)", "in-cluster, else kubeconfig");
    private static readonly OptionSpec KubeconfigOption = new("kubeconfig", null, "FILE", "kubeconfig to use", "$KUBECONFIG or ~/.kube/config");
    private static readonly OptionSpec PortOption = new("port", null, "PORT", "port of /healthz and /metrics (0: any free port)", "8080");
    private static readonly OptionSpec BindOption = new("bind", null, "ADDR", "address of /healthz and /metrics", "all addresses");
    private static readonly OptionSpec NamespaceOption = new("lease-namespace", null, "NS", "namespace of the leader election Lease", $"$POD_NAMESPACE or {DefaultNamespace}");
    private static readonly OptionSpec IdentityOption = new("identity", null, "ID", "this instance's name in the Lease", "the host name");
    private static readonly OptionSpec AgentImageOption = new("agent-image", null, "IMAGE", "image of agent pods whose TrafficFlow names none", AgentPlacement.DefaultImage);
    private static readonly OptionSpec[] All = [ServerOption, KubeconfigOption, PortOption, BindOption, NamespaceOption, IdentityOption, AgentImageOption, OptionSpec.Help];

    public const string LeaseName = "flowgen-operator";

    public Uri? Server { get; init; }

    public string? Kubeconfig { get; init; }

    public const int DefaultPort = 8080;

    public int Port { get; init; } = DefaultPort;

    public IPAddress Bind { get; init; } = IPAddress.Any;

    public string LeaseNamespace { get; init; } = Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } ns ? ns : DefaultNamespace;

    public string Identity { get; init; } = Environment.MachineName;

    public string AgentImage { get; init; } = AgentPlacement.DefaultImage;

    /// <summary>Lease timings and hand-over; client-go's defaults, which tests shorten.</summary>
    public LeaderElectionOptions Election => new(LeaseNamespace, LeaseName, Identity)
    {
        LeaseDuration = LeaseDuration, RenewDeadline = RenewDeadline, RetryPeriod = RetryPeriod, ReleaseOnCancel = ReleaseOnStop,
    };

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public bool ReleaseOnStop { get; init; } = true;

    public static string Help => HelpFormatter.Format(
        "flowgen-operator run [options]",
        "Runs the TrafficFlow operator: one instance leads (a Lease), watches TrafficFlows and their\n" +
        "agent pods, and reconciles them; every instance serves /healthz and /metrics.",
        [],
        All);

    public static bool RequestsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions();
        foreach (ParsedArgument arg in new ArgumentReader(Command, All).Read(args))
        {
            string value = arg.Value ?? "";
            options = arg.Option switch
            {
                _ when arg.Option == ServerOption => options with { Server = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new UsageException($"--server: '{value}' is not a URL") },
                _ when arg.Option == KubeconfigOption => options with { Kubeconfig = value },
                _ when arg.Option == PortOption => options with { Port = ValueParsers.Port(value, PortOption.DisplayName) },
                _ when arg.Option == BindOption => options with { Bind = ValueParsers.Address(value, BindOption.DisplayName) },
                _ when arg.Option == NamespaceOption => options with { LeaseNamespace = value },
                _ when arg.Option == IdentityOption => options with { Identity = value },
                _ when arg.Option == AgentImageOption => options with { AgentImage = value.Length > 0 ? value : throw new UsageException("--agent-image: give an image") },
                _ => throw new UsageException($"unexpected argument '{value}': see 'flowgen-operator run --help'"),
            };
        }
        return options;
    }
}
