using VssBot.Core.Dialogs;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Dialogs;

public sealed class DialogLoaderTests
{
    private static readonly StepNames Names = RegistrationBehaviours.Create().Names;

    private const string Good = """
        id: tiny
        title: Nhỏ
        steps:
          - id: name
            kind: text
            validator: fullName
            prompt: Tên?
            next: done
          - id: done
            kind: end
            prompt: Xong.
        """;

    [Fact]
    public void AWellFormedFileLoads()
    {
        var dialog = DialogLoader.Parse("tiny.yaml", Good, Names);
        Assert.Equal("name", dialog.Start);
        Assert.Equal(12, dialog.Version.Length);
    }

    [Theory]
    [InlineData("validator: fullName", "validator: fulName", "step 'name': unknown validator 'fulName'")]
    [InlineData("next: done", "next: finish", "step 'name': goes to step 'finish', which does not exist")]
    [InlineData("    next: done\n", "", "step 'name': has no 'next' step")]
    [InlineData("kind: text", "kind: texte", "step 'name': unknown kind 'texte'")]
    [InlineData("prompt: Tên?", "prompt: ''", "step 'name': 'prompt' is missing")]
    [InlineData("id: done", "id: name", "step 'name': the step id is used twice")]
    [InlineData("title: Nhỏ", "title: [Nhỏ", "tiny.yaml: not valid YAML at line")]
    public void ABrokenFileIsRefusedNamingTheFileTheStepAndTheFault(string find, string replace, string expected)
    {
        var broken = Good.Replace(find, replace);
        Assert.NotEqual(Good, broken);

        var error = Assert.Throws<DialogFileException>(() => DialogLoader.Parse("tiny.yaml", broken, Names));

        Assert.StartsWith("tiny.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AnUnknownConditionInABranchIsRefused()
    {
        var broken = Good.Replace("    next: done\n", "    branches:\n      - { when: isMartian, goto: done }\n    next: done\n");
        var error = Assert.Throws<DialogFileException>(() => DialogLoader.Parse("tiny.yaml", broken, Names));
        Assert.Contains("unknown condition 'isMartian'", error.Message);
    }

    [Theory]
    [InlineData("consent=", "'consent=' is not 'field=value'")]
    [InlineData("=yes", "'=yes' is not 'field=value'")]
    [InlineData("consent==yes", "'consent==yes' is not 'field=value'")]
    [InlineData("!!isMartian", "'!!isMartian' is not a name")]
    [InlineData("!", "'!' is not a name")]
    [InlineData("is adult", "'is adult' is not a name")]
    public void AMalformedConditionStopsLoadingNamingTheFileAndTheStep(string when, string expected)
    {
        var broken = Good.Replace("    next: done\n", $"    branches:\n      - {{ when: \"{when}\", goto: done }}\n    next: done\n");
        var error = Assert.Throws<DialogFileException>(() => DialogLoader.Parse("tiny.yaml", broken, Names));
        Assert.StartsWith("tiny.yaml: step 'name': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheRepositorysDialogsFolderLoadsWhole()
    {
        var content = EngineHarness.Content;
        Assert.Contains("adult-registration", content.Dialogs.Keys);
        Assert.Equal(34, content.Units.Provinces.Count);
        Assert.Equal(3321, content.Units.Provinces.Sum(p => p.Wards.Count));
        Assert.Contains(content.Offices.Offices, o => o.Code == "03102");
    }

    [Fact]
    public void AFolderMissingAMessageIsRefusedByName()
    {
        var folder = Directory.CreateTempSubdirectory("vssbot-dialogs-");
        try
        {
            CopyDirectory(Repo.Dialogs, folder.FullName);
            var messages = Path.Combine(folder.FullName, "messages.yaml");
            File.WriteAllLines(messages, File.ReadAllLines(messages).Where(l => !l.StartsWith("ended:")));

            var error = Assert.Throws<DialogFileException>(() => ContentLoader.Load(folder.FullName, RegistrationBehaviours.Create()));

            Assert.Equal("messages.yaml: missing messages: ended", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to));
        }
    }
}
