using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

namespace SlackOperator.Emulators.Kubernetes.Tests.Http;

public sealed class WriteSemanticsTests : HttpTestBase
{
    private const string Bot = $"{ApiClient.Bots}/a";

    [Fact]
    public async Task Create_NewBot_SetsServerFieldsAndDefaults()
    {
        var created = await Api.CreateBotAsync("a");

        Assert.Equal("1", created.Str("metadata", "generation"));
        Assert.NotNull(created.Str("metadata", "uid"));
        Assert.NotNull(created.Str("metadata", "creationTimestamp"));
        Assert.Equal("false", created.Str("spec", "suspend"));
    }

    [Fact]
    public async Task Create_GenerateName_AddsRandomSuffix()
    {
        var bot = TestObjects.Bot("");
        bot["metadata"] = new JsonObject { ["generateName"] = "bot-" };

        var created = await Api.PostAsync(ApiClient.Bots, bot);

        Assert.Equal(201, created.Code);
        Assert.Matches("^bot-[a-z0-9]{5}$", created.Str("metadata", "name"));
    }

    [Fact]
    public async Task Create_Twice_SecondIsAlreadyExists()
    {
        await Api.CreateBotAsync("a");

        var second = await Api.PostAsync(ApiClient.Bots, TestObjects.Bot("a"));

        Assert.Equal(409, second.Code);
        Assert.Equal("AlreadyExists", second.Str("reason"));
        Assert.Equal("slackbots.slackoperator.io \"a\" already exists", second.Str("message"));
    }

    [Fact]
    public async Task Create_MissingNamespace_NotFound()
    {
        var response = await Api.PostAsync("/api/v1/namespaces/missing/configmaps",
            JsonNode.Parse("""{"metadata":{"name":"c"}}""")!);

        Assert.Equal(404, response.Code);
        Assert.Equal("namespaces \"missing\" not found", response.Str("message"));
    }

    [Fact]
    public async Task Update_StaleResourceVersion_Conflict()
    {
        var created = await Api.CreateBotAsync("a");
        await Api.PatchAsync(Bot, """{"metadata":{"labels":{"x":"1"}}}""");

        var stale = created.Object.DeepClone();
        stale["spec"]!["suspend"] = true;
        var response = await Api.PutAsync(Bot, stale);

        Assert.Equal(409, response.Code);
        Assert.Equal("Conflict", response.Str("reason"));
        Assert.Contains("the object has been modified", response.Str("message"));
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGeneration()
    {
        var created = await Api.CreateBotAsync("a");
        var changed = created.Object.DeepClone();
        changed["spec"]!["suspend"] = true;

        var updated = await Api.PutAsync(Bot, changed);

        Assert.Equal(200, updated.Code);
        Assert.Equal("2", updated.Str("metadata", "generation"));
        Assert.True(Rv(updated) > Rv(created));
    }

    [Fact]
    public async Task Patch_MetadataOnly_KeepsGeneration()
    {
        await Api.CreateBotAsync("a");

        var patched = await Api.PatchAsync(Bot, """{"metadata":{"labels":{"x":"1"}}}""");

        Assert.Equal("1", patched.Str("metadata", "generation"));
    }

    [Fact]
    public async Task Patch_NoChange_KeepsResourceVersion()
    {
        var created = await Api.CreateBotAsync("a");

        var patched = await Api.PatchAsync(Bot, """{"spec":{"suspend":false}}""");

        Assert.Equal(Rv(created), Rv(patched));
    }

    [Fact]
    public async Task PatchStatus_SpecInBody_OnlyStatusChangesAndGenerationKept()
    {
        await Api.CreateBotAsync("a");

        var patched = await Api.PatchAsync($"{Bot}/status",
            """{"spec":{"suspend":true},"status":{"observedGeneration":1}}""");

        Assert.Equal(200, patched.Code);
        Assert.Equal("1", patched.Str("status", "observedGeneration"));
        Assert.Equal("false", patched.Str("spec", "suspend"));
        Assert.Equal("1", patched.Str("metadata", "generation"));
    }

    [Fact]
    public async Task Patch_StatusOnMainResource_StatusIgnored()
    {
        await Api.CreateBotAsync("a");

        var patched = await Api.PatchAsync(Bot, """{"status":{"observedGeneration":7}}""");

        Assert.Null(patched.Str("status"));
        Assert.Equal("1", patched.Str("metadata", "generation"));
    }

    [Fact]
    public async Task Patch_StaleResourceVersionInMergePatch_Conflict()
    {
        await Api.CreateBotAsync("a");

        var response = await Api.PatchAsync(Bot, """{"metadata":{"resourceVersion":"1"},"spec":{"suspend":true}}""");

        Assert.Equal(409, response.Code);
    }

    [Fact]
    public async Task Patch_JsonPatch_AppliesOperations()
    {
        await Api.CreateBotAsync("a");

        var patched = await Api.PatchAsync(Bot, """[{"op":"add","path":"/spec/channels","value":[{"name":"x"}]}]""",
            "application/json-patch+json");

        Assert.Equal(200, patched.Code);
        Assert.Equal("x", patched.Str("spec", "channels", "0", "name"));
        Assert.Equal("true", patched.Str("spec", "channels", "0", "join"));
    }

    [Fact]
    public async Task Patch_StrategicMergeOnCustomResource_UnsupportedMediaType()
    {
        await Api.CreateBotAsync("a");

        var response = await Api.PatchAsync(Bot, "{}", "application/strategic-merge-patch+json");

        Assert.Equal(415, response.Code);
    }

    [Fact]
    public async Task Patch_StrategicMergeConditions_MergedByType()
    {
        await Api.PostAsync("/api/v1/namespaces/default/configmaps",
            JsonNode.Parse("""{"metadata":{"name":"c"},"status":{"conditions":[{"type":"A","status":"True"}]}}""")!);

        var patched = await Api.PatchAsync("/api/v1/namespaces/default/configmaps/c",
            """{"status":{"conditions":[{"type":"B","status":"False"}]}}""", "application/strategic-merge-patch+json");

        Assert.Equal("A", patched.Str("status", "conditions", "0", "type"));
        Assert.Equal("B", patched.Str("status", "conditions", "1", "type"));
    }

    [Fact]
    public async Task ApplyPatch_MissingObject_Created()
    {
        var response = await Api.PatchAsync($"{Bot}?fieldManager=test&force=true", TestObjects.Bot("a").ToJsonString(),
            "application/apply-patch+yaml");

        Assert.Equal(201, response.Code);
        Assert.Equal(200, (await Api.GetAsync(Bot)).Code);
    }

    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestampUntilFinalizersCleared()
    {
        await Api.CreateBotAsync("a");
        await Api.PatchAsync(Bot, """{"metadata":{"finalizers":["x/y"]}}""");

        var deleting = await Api.DeleteAsync(Bot);
        var stillThere = await Api.GetAsync(Bot);
        await Api.PatchAsync(Bot, """{"metadata":{"finalizers":null}}""");

        Assert.Equal(202, deleting.Code);
        Assert.NotNull(stillThere.Str("metadata", "deletionTimestamp"));
        Assert.Equal(404, (await Api.GetAsync(Bot)).Code);
    }

    [Fact]
    public async Task CreateSecret_StringData_FoldedIntoDataAndNeverReturned()
    {
        var created = await Api.PostAsync("/api/v1/namespaces/default/secrets",
            JsonNode.Parse("""{"metadata":{"name":"s"},"stringData":{"token":"xoxb-1"}}""")!);

        Assert.Equal(201, created.Code);
        Assert.Equal("xoxb-1", Encoding.UTF8.GetString(Convert.FromBase64String(created.Str("data", "token")!)));
        Assert.Null(created.Str("stringData"));
        Assert.Equal("Opaque", created.Str("type"));
    }

    [Fact]
    public async Task UpdateLease_StaleResourceVersion_Conflict()
    {
        const string leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases";
        var created = await Api.PostAsync(leases,
            JsonNode.Parse("""{"metadata":{"name":"l"},"spec":{"holderIdentity":"a"}}""")!);
        var first = created.Object.DeepClone();
        first["spec"]!["holderIdentity"] = "b";
        Assert.Equal(200, (await Api.PutAsync($"{leases}/l", first)).Code);

        var second = created.Object.DeepClone();
        second["spec"]!["holderIdentity"] = "c";
        var response = await Api.PutAsync($"{leases}/l", second);

        Assert.Equal(409, response.Code);
    }

    [Fact]
    public async Task Create_DryRun_ReturnsObjectButStoresNothing()
    {
        var response = await Api.PostAsync($"{ApiClient.Bots}?dryRun=All", TestObjects.Bot("a"));

        Assert.Equal(201, response.Code);
        Assert.Equal(404, (await Api.GetAsync(Bot)).Code);
    }

    [Fact]
    public async Task DeleteCollection_LabelSelector_DeletesOnlyMatching()
    {
        await Api.CreateBotAsync("a", new() { ["team"] = "red" });
        await Api.CreateBotAsync("b");

        var response = await Api.DeleteAsync($"{ApiClient.Bots}?labelSelector=team%3Dred");

        Assert.Equal(200, response.Code);
        Assert.Equal(404, (await Api.GetAsync(Bot)).Code);
        Assert.Equal(200, (await Api.GetAsync($"{ApiClient.Bots}/b")).Code);
    }

    [Fact]
    public async Task ResourceVersion_AcrossResources_OneIncreasingCounter()
    {
        var bot = await Api.CreateBotAsync("a");
        var map = await Api.PostAsync("/api/v1/namespaces/default/configmaps",
            JsonNode.Parse("""{"metadata":{"name":"c"}}""")!);

        Assert.Equal(Rv(bot) + 1, Rv(map));
    }
}
