using Flowgen.KubeEmulator;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Flowgen.Tests.Operator.Emulator;

/// <summary>Each test gets a fresh emulator and a KubernetesClient pointed at it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private readonly KubeApiEmulatorOptions? options;

    protected EmulatorTest(KubeApiEmulatorOptions? options = null) => this.options = options;

    protected KubeApiEmulator Emulator { get; private set; } = null!;

    protected Kubernetes Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Emulator = await KubeApiEmulator.StartAsync(options);
        Client = Emulator.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    protected static V1Pod Pod(string name, IDictionary<string, string>? labels = null, string? nodeName = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Spec = new V1PodSpec
        {
            NodeName = nodeName,
            Containers = [new V1Container { Name = "agent", Image = "flowgen:test" }],
        },
    };

    protected static async Task<HttpOperationException> Rejected(Func<Task> call) =>
        await Assert.ThrowsAsync<HttpOperationException>(call);

    protected static string StatusReason(HttpOperationException e) =>
        KubernetesJson.Deserialize<V1Status>(e.Response.Content).Reason;
}
