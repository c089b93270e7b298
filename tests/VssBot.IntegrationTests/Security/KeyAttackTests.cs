using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Security;

/// <summary>A web-chat key is an unguessable secret, checked for shape and existence
/// before any other work; wildcard characters reach no query.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class KeyAttackTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Fact]
    public async Task AConversationKeyIsA256BitSecretAndNotTheInternalId()
    {
        var chat = host.Citizen();
        var key = await chat.StartAsync();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
        Assert.NotEqual(key, await host.Citizen().StartAsync());
        Assert.NotEmpty(await chat.MessagesAsync());
    }

    [Theory]
    [InlineData("%")]
    [InlineData("ab%")]
    [InlineData("____________")]
    [InlineData("%25")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task WildcardAndMalformedKeysAre400BeforeAnyLookUp(string key)
    {
        // A staff photo exists in some conversation: a wildcard must not reach it.
        var http = host.Citizen().Http;
        foreach (var path in new[] { $"/api/chat/conversations/{key}/messages", $"/api/chat/conversations/{key}/photos/1", $"/api/chat/conversations/{key}/photos/2" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("bad_key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        var post = await http.PostAsJsonAsync($"/api/chat/conversations/{key}/messages", new { text = "xóa dữ liệu của tôi" });
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task AWellFormedUnknownKeyIs404()
    {
        var response = await host.Citizen().Http.GetAsync($"/api/chat/conversations/{VssBot.Web.WebKey.New()}/messages");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
