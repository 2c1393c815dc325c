namespace SlackOperator.IntegrationTests.Support;

/// <summary>Tests that share one pair of emulators and one operator; each works in its own namespace.</summary>
[CollectionDefinition(Name)]
public sealed class OperatorCollection : ICollectionFixture<OperatorEnvironment>
{
    public const string Name = "operator";
}
