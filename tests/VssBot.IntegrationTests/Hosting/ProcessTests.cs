using System.Text;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Hosting;

[Collection(SeparateProcesses.Name)]
public sealed class ProcessTests
{
    [Fact]
    public async Task KillingTheProcessAndStartingItAgainLosesNoAcknowledgedAnswerOrPhoto()
    {
        using var data = new TempFolder("kill");
        var first = await VssBotProcess.StartAsync(data.Path);
        var chat = new ChatClient(first.Http);
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        await chat.SendPhotoAsync(TestImages.Jpeg());
        var acknowledged = (await chat.MessagesAsync()).Length;
        first.Kill();
        var firstLogs = first.Output;
        await first.DisposeAsync();

        await using var second = await VssBotProcess.StartAsync(data.Path);
        var again = new ChatClient(second.Http);
        again.Resume(chat.Id);
        var messages = await again.MessagesAsync();
        Assert.Equal(acknowledged, messages.Length);
        Assert.Contains("Bước 12", messages[^1].GetProperty("text").GetString());

        await again.SendPhotoAsync(TestImages.Jpeg());
        await again.SendPhotoAsync(TestImages.Jpeg());
        await again.SayAsync("Đống Đa");
        var review = await again.SayTextAsync("Sửa: Số điện thoại");
        Assert.Contains("Đang lưu: 0912345678", review);
        await again.SayAsync("giữ nguyên");
        Assert.Contains("VB-", await again.SayTextAsync("Gửi hồ sơ"));

        // At rest the file is encrypted: no answer can be read from its bytes.
        second.Kill();
        foreach (var file in Directory.GetFiles(data.Path))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { "001090001234", "Nguyen Van An", "+84912345678", "conversations", "transcript" })
            {
                Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) < 0, $"{Path.GetFileName(file)} holds “{secret}”");
            }
        }

        // The verbose logs of both runs name no person: no ID, phone, code or name.
        var logs = firstLogs + second.Output;
        Assert.Contains("/api/chat/conversations", logs);
        foreach (var secret in new[] { "001090001234", "0912345678", "912345678", "0123456789", "Nguyen Van An", "nguyen van an", "cau dien" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AFiftyMegabyteUploadIsRefusedWith413AndMemoryStaysBounded()
    {
        using var data = new TempFolder("big");
        await using var server = await VssBotProcess.StartAsync(data.Path);
        var chat = new ChatClient(server.Http);
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        var before = server.PeakMegabytes;
        var huge = new byte[50 * 1024 * 1024];
        new Random(1).NextBytes(huge);
        huge[0] = 0xFF;
        huge[1] = 0xD8;
        huge[2] = 0xFF;
        HttpResponseMessage response;
        try
        {
            response = await chat.PostPhotoAsync(huge, "huge.jpg");
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection once it has answered 413 to a body this large.
            response = new HttpResponseMessage(System.Net.HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(server.PeakMegabytes - before < 40, $"peak memory grew by {server.PeakMegabytes - before} MB");
        Assert.Contains("Bước 11", (await chat.MessagesAsync())[^1].GetProperty("text").GetString());
    }

    [Fact]
    public void OutsideDevelopmentVssBotRefusesToStartWithoutADatabaseKey()
    {
        using var data = new TempFolder("nokey");
        var output = new StringBuilder();
        using var process = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", "--urls=http://127.0.0.1:0"], line => { lock (output) { output.AppendLine(line); } });
        Assert.True(process.WaitForExit(60_000));
        process.WaitForExit();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("No database key: set Storage:Password", output.ToString());
        Assert.False(File.Exists(Path.Combine(data.Path, "vssbot.db")));
    }

    [Fact]
    public async Task ABrokenDialogFileStopsStartUpNamingTheFileTheStepAndTheFault()
    {
        var dialogs = Repo.TempDirectory("broken");
        try
        {
            Repo.CopyDirectory(Repo.Dialogs, dialogs.FullName);
            var flow = Path.Combine(dialogs.FullName, "flows", "adult-registration.yaml");
            File.WriteAllText(flow, File.ReadAllText(flow).Replace("validator: street", "validator: streets"));
            var output = new StringBuilder();

            using var process = VssBotProcess.Start([$"--Dialogs:Directory={dialogs.FullName}", "--urls=http://127.0.0.1:0"], line => { lock (output) { output.AppendLine(line); } });
            Assert.True(process.WaitForExit(60_000));
            process.WaitForExit();

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("flows/adult-registration.yaml: step 'street': unknown validator 'streets'", output.ToString());
        }
        finally
        {
            dialogs.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheDialogCommandPrintsAMermaidDiagram()
    {
        var output = new StringBuilder();
        using var process = VssBotProcess.Start(["dialog", "mermaid", "adult-registration"], line => { lock (output) { output.AppendLine(line); } });
        Assert.True(process.WaitForExit(60_000));
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("stateDiagram-v2", output.ToString().TrimStart());
        Assert.Contains("review --> submitted", output.ToString());
    }
}
