namespace VssBot.Core.Engine;

/// <summary>A photo to be written with the turn: its storage key and JPEG bytes.</summary>
public sealed record StoredPhoto(string Key, byte[] Jpeg);
