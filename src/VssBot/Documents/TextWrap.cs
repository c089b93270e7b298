using SkiaSharp;

namespace VssBot.Documents;

/// <summary>Breaks text into lines that fit a width, at spaces.</summary>
internal static class TextWrap
{
    public static IEnumerable<string> Lines(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) > width && line.Length > 0)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
