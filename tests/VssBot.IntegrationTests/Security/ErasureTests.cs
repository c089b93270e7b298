using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Security;

/// <summary>"xóa dữ liệu của tôi" reaches everything held about a person: answers,
/// transcript, raw Telegram updates, the outbox, staff notes, the staff group's topic.</summary>
public sealed class ErasureTests
{
    private const long Group = -1001234567890;
    private const long Citizen = 760042;
    private static readonly string[] PersonalValues = ["Lê Văn Tám", "Le Van Tam", "031090001234", "0987654321", "0987 654 321", "7900012345"];

    [Fact]
    public async Task AfterErasureNothingOfThePersonIsLeftInAnyCollectionNorInTheStaffGroup()
    {
        await using var host = await TelegramHost.StartAsync(new() { ["Telegram:StaffChatId"] = Group.ToString(), ["Telegram:StaffChatIntervalMs"] = "0" });
        foreach (var text in new[] { "/start", "1", "đồng ý", "7900012345", "Lê Văn Tám", "cccd", "031090001234", "05/03/1990", "Hải Phòng", "gặp nhân viên", "có", "số tôi là 0987 654 321" })
        {
            await host.SayAsync(Citizen, text);
        }

        await Until(() => host.Api.To(Group).Any(m => m.Text.Contains("0987 654 321")));
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var conversation = store.LinkedConversation($"telegram:{Citizen}")!;
        await store.AddNoteAsync(new StaffNote { Id = "n1", ConversationId = conversation, Staff = "hp", Text = "Anh Lê Văn Tám, CCCD 031090001234", At = DateTimeOffset.UtcNow });
        Assert.Single(host.Api.Topics);

        await host.SayAsync(Citizen, "quay lại"); // leaves the queue
        await host.SayAsync(Citizen, "xóa dữ liệu của tôi");
        Assert.Contains("xóa", (await host.SayAsync(Citizen, "có")).Text);

        // The staff group's topic is deleted with its messages.
        await Until(() => host.Api.Topics.Count == 0);
        Assert.DoesNotContain(host.Api.To(Group), m => m.Text.Contains("Lê Văn Tám"));

        // Stop the host, then read every collection of the file.
        await host.Factory.DisposeAsync();
        var leftovers = StoreScan.All(host.Data.Path)
            .Where(d => PersonalValues.Any(v => d.Text.Contains(v, StringComparison.OrdinalIgnoreCase)))
            .Select(d => d.Collection)
            .ToList();
        Assert.Empty(leftovers);
    }

    private static Task Until(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(15), "timed out");
}
