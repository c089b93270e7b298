using System.Text.Encodings.Web;
using VssBot.Core.Engine;
using VssBot.Core.Staff;

using static VssBot.Staff.StaffHttp;

namespace VssBot.Staff;

/// <summary>Pages of the live handoff: the queue and one conversation. Parts that change
/// are fragments the page fetches again when the server says so (server-sent events).</summary>
internal static class StaffConversationPages
{

    private const string LiveScript = """<script src="/assets/staff-live.js"></script>""";

    public static string Queue(string fragment) => $"""
        <main><p><a href="/staff/dossiers">Hồ sơ đã nhận →</a></p>
        <h1>Hàng chờ hỗ trợ</h1><div id="queue">{fragment}</div></main>
        {LiveScript}
        """;

    public static string QueueFragment(IReadOnlyList<Conversation> waiting, IReadOnlyList<Conversation> mine, DateTimeOffset now, string antiforgery)
    {
        string Rows(IEnumerable<Conversation> list, bool claim) => string.Concat(list.Select(c => $"""
            <tr><td><a href="/staff/conversations/{E(c.Id)}">{E(Name(c))}</a></td><td>{E(c.Channel)}</td>
            <td>{(int)(now - c.Handoff!.RequestedAt).TotalMinutes} phút</td>
            <td>{(claim ? $"<form method=\"post\" action=\"/staff/conversations/{E(c.Id)}/claim\">{antiforgery}<button>Nhận</button></form>" : "")}</td></tr>
            """));
        return $"""
            <h2>Đang chờ ({waiting.Count})</h2>
            {(waiting.Count == 0 ? "<p>Không có ai đang chờ.</p>" : $"<table><tr><th>Người dân</th><th>Kênh</th><th>Đã chờ</th><th></th></tr>{Rows(waiting, true)}</table>")}
            <h2>Tôi đang hỗ trợ ({mine.Count})</h2>
            {(mine.Count == 0 ? "<p>Chưa có.</p>" : $"<table><tr><th>Người dân</th><th>Kênh</th><th>Từ lúc yêu cầu</th><th></th></tr>{Rows(mine, false)}</table>")}
            """;
    }

    public static string Conversation(Conversation c, DialogContent content, string transcript, IReadOnlyList<StaffNote> notes, IReadOnlyList<string> canned, StaffAccount me, string antiforgery)
    {
        var answers = string.Concat(content.Dialogs.Values.SelectMany(d => d.Steps)
            .Where(s => s.Label is not null && c.Answers.ContainsKey(s.Id))
            .DistinctBy(s => s.Id)
            .Select(s => $"<tr><th>{E(s.Label)}</th><td>{E(c.Answers[s.Id].Display)}</td></tr>"));
        var handoff = c.Handoff;
        var mineNow = handoff is { State: HandoffState.WithStaff } && handoff.Staff == me.Id;
        var actions = handoff switch
        {
            { State: HandoffState.Waiting } => Action(c.Id, "claim", "Nhận hỗ trợ", antiforgery) + Action(c.Id, "close", "Kết thúc", antiforgery),
            _ when mineNow => Action(c.Id, "release", "Trả lại trợ lý tự động", antiforgery) + Action(c.Id, "close", "Kết thúc", antiforgery),
            { State: HandoffState.WithStaff } => $"<p>Đang được {E(handoff.StaffName)} hỗ trợ.</p>",
            _ => "<p>Cuộc trò chuyện đang ở với trợ lý tự động.</p>",
        };
        var reply = mineNow ? $"""
            <form id="reply" method="post" action="/staff/conversations/{E(c.Id)}/messages" enctype="multipart/form-data">{antiforgery}
            <p>{string.Concat(canned.Select(t => $"<button type=\"button\" class=\"canned\" data-text=\"{E(t)}\">{E(t.Length > 40 ? t[..40] + "…" : t)}</button> "))}</p>
            <textarea name="text" rows="3" aria-label="Trả lời"></textarea>
            <input type="file" name="photo" accept="image/*" aria-label="Ảnh">
            <button type="submit">Gửi</button></form>
            """ : "";
        var noteList = string.Concat(notes.Select(n => $"<li><strong>{E(n.Staff)}</strong> ({n.At.ToOffset(TimeSpan.FromHours(7)):dd/MM HH:mm}): {E(n.Text)}</li>"));
        return $"""
            <main id="conversation" data-id="{E(c.Id)}" data-failed="Chưa gửi được (có thể cuộc trò chuyện đã thay đổi). Bạn tải lại trang nhé." data-offline="Mất kết nối, tin nhắn chưa gửi. Bạn thử lại nhé."><p><a href="/staff">← Hàng chờ</a></p><h1>{E(Name(c))}</h1>
            <div>{actions}</div>
            <div class="columns">
            <section class="wide"><h2>Trò chuyện</h2><div id="transcript">{transcript}</div>{reply}</section>
            <section class="side"><h2>Thông tin đã nhập</h2><table>{answers}</table>
            <h2>Ghi chú nội bộ</h2><ul id="notes">{noteList}</ul>
            <form method="post" action="/staff/conversations/{E(c.Id)}/notes">{antiforgery}<input name="text" aria-label="Ghi chú" required><button>Lưu ghi chú</button></form></section></div></main>
            {LiveScript}
            """;
    }

    public static string Transcript(IReadOnlyList<TranscriptEntry> entries) => string.Concat(entries.TakeLast(60).Select(t => $"""
        <div class="line {E(t.From)}"><small>{Who(t.From)} · {t.At.ToOffset(TimeSpan.FromHours(7)):HH:mm}</small><br>{E(t.Text).Replace("\n", "<br>")}{(t.PhotoKey is null ? "" : $"<br><img alt=\"Ảnh\" src=\"/staff/photos/{E(t.PhotoKey)}\">")}</div>
        """));

    private static string Action(string id, string action, string label, string antiforgery) =>
        $"<form class=\"inline\" method=\"post\" action=\"/staff/conversations/{E(id)}/{action}\">{antiforgery}<button>{E(label)}</button></form> ";

    private static string Who(string from) => from switch
    {
        "user" => "Người dân",
        "staff" => "Cán bộ",
        _ => "Trợ lý",
    };

    public static string Name(Conversation c) =>
        c.Answers.GetValueOrDefault("full_name")?.Display ?? c.Answers.GetValueOrDefault("c_guardian_name")?.Display ?? c.Guardian.GetValueOrDefault("full_name")?.Display ?? "Người dân " + c.Id[..6];
}
