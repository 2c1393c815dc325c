using k8s.Models;
using SlackOperator.Entities;
using SlackOperator.Kubernetes.Controllers;
using SlackOperator.Kubernetes.Informers;

namespace SlackOperator.Hosting;

/// <summary>Queues exactly the SlackBots that reference a Secret when it appears, changes or goes away.</summary>
internal sealed class SecretChangeHandler : IInformerHandler<V1Secret>
{
    public const string IndexName = "secrets";

    private readonly EntityCache<SlackBot> _bots;
    private readonly Controller<SlackBot> _controller;

    public SecretChangeHandler(EntityCache<SlackBot> bots, Controller<SlackBot> controller)
    {
        _bots = bots;
        _controller = controller;
    }

    public void OnAdded(V1Secret entity) => Notify(entity);

    public void OnUpdated(V1Secret oldEntity, V1Secret newEntity) => Notify(newEntity);

    public void OnDeleted(V1Secret entity) => Notify(entity);

    private void Notify(V1Secret secret)
    {
        var indexValue = $"{secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}";
        foreach (var key in _bots.KeysByIndex(IndexName, indexValue))
        {
            _controller.Enqueue(key);
        }
    }
}
