using System.Net.Http.Headers;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Security;

/// <summary>Staff of one office hear nothing of another office's citizens: not in the
/// live event stream, not in pages or fragments.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class OfficeIsolationTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private static readonly string[] ToHandoff = ["1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990"];

    private async Task<ChatClient> AskForAPersonAsync(string province)
    {
        var chat = host.Citizen();
        await chat.StartAsync();
        foreach (var text in ToHandoff.Append(province).Append("gặp nhân viên").Append("có"))
        {
            await chat.SayAsync(text);
        }

        return chat;
    }

    private static async Task<StreamReader> OpenEventsAsync(StaffBrowser staff)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await staff.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        return reader;
    }

    private static async Task<string> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: "))
            {
                return line["data: ".Length..];
            }
        }

        throw new EndOfStreamException();
    }

    [Fact]
    public async Task AnotherOfficesHandoffNeverReachesAStaffMembersEventStream()
    {
        using var hp = await host.StaffAsync("hp");
        using var hn = await host.StaffAsync("hn");
        using var hpEvents = await OpenEventsAsync(hp);
        using var hnEvents = await OpenEventsAsync(hn);

        // A Hà Nội citizen asks for a person: Hà Nội staff hear of it, by internal id only.
        var hanoi = await AskForAPersonAsync("Hà Nội");
        var hanoiEvent = await NextEventAsync(hnEvents);
        Assert.NotEqual(hanoi.Id, hanoiEvent);
        Assert.Contains(hanoiEvent, await hn.Http.GetStringAsync("/staff/queue"));

        // Then a Hải Phòng citizen: the first thing Hải Phòng staff hear is their own citizen.
        await AskForAPersonAsync("Hải Phòng");
        var haiphongEvent = await NextEventAsync(hpEvents);
        Assert.NotEqual(hanoiEvent, haiphongEvent);
        Assert.Contains(haiphongEvent, await hp.Http.GetStringAsync("/staff/queue"));

        // Nothing Hải Phòng staff can fetch names or leads to the Hà Nội conversation.
        var queue = await hp.Http.GetStringAsync("/staff/queue");
        Assert.DoesNotContain(hanoiEvent, queue);
        Assert.DoesNotContain(hanoi.Id, queue);
        foreach (var path in new[] { $"/staff/conversations/{hanoiEvent}", $"/staff/conversations/{hanoiEvent}/transcript", $"/staff/photos/{hanoiEvent}/00001-chat" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await hp.Http.GetAsync(path)).StatusCode);
        }
    }
}
