namespace VssBot.Core.Engine;

/// <summary>What kind of answer a reply asks for, as channels show it.</summary>
public static class Expects
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Photo = "photo";
    public const string Phone = "phone";
    public const string Date = "date";
    public const string None = "none";
}
