using System.Text;
using System.Text.Encodings.Web;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Offices;
using VssBot.Core.Staff;

using static VssBot.Staff.StaffHttp;

namespace VssBot.Staff;

/// <summary>The staff console's pages, as plain server-rendered HTML; every value is
/// HTML-encoded.</summary>
internal static class StaffPages
{

    public static IResult Html(string title, string body, int status = 200) => Results.Content($$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} – VssBot cán bộ</title>
        <link rel="stylesheet" href="/assets/staff.css"></head><body>{{body}}</body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string Header(StaffAccount staff, string antiforgery) => $"""
        <header><strong>VssBot – cán bộ hỗ trợ</strong>{(staff.IsAdmin ? " <a href=\"/staff/admin\">Quản lý cán bộ</a>" : "")}
        <form method="post" action="/staff/logout"><span>{E(staff.DisplayName)}</span> {antiforgery}<button>Đăng xuất</button></form></header>
        """;

    public static string Login(string antiforgery, string? error) => $"""
        <main class="narrow"><h1>Đăng nhập cán bộ</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
        <form method="post" action="/staff/login">{antiforgery}
        <label>Tên đăng nhập<input name="user" autocomplete="username" required></label>
        <label>Mật khẩu<input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Đăng nhập</button></form></main>
        """;

    public static string Code(string antiforgery, string? error) => $"""
        <main class="narrow"><h1>Mã xác thực</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
        <form method="post" action="/staff/login/code">{antiforgery}
        <label>Mã 6 số trong ứng dụng xác thực<input name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
        <button type="submit">Xác nhận</button></form></main>
        """;

    public static string Enrol(string antiforgery, string key, string qr, string? error) => $"""
        <main class="narrow"><h1>Bật xác thực hai bước</h1>
        {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
        <p>Tài khoản của bạn cần xác thực hai bước. Mở ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…), quét mã QR hoặc nhập khóa bên dưới, rồi nhập mã 6 số ứng dụng hiện ra.</p>
        <p class="qr"><img alt="Mã QR của khóa xác thực" src="{qr}"></p>
        <p>Khóa: <code class="secret">{E(key)}</code></p>
        <form method="post" action="/staff/2fa">{antiforgery}
        <label>Mã 6 số<input name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
        <button type="submit">Bật xác thực hai bước</button></form></main>
        """;

    public static string TwoFactorOn() =>
        "<main class=\"narrow\"><h1>Xác thực hai bước</h1><p class=\"notice\">Xác thực hai bước đang bật cho tài khoản này.</p><p><a href=\"/staff\">← Hàng chờ</a></p></main>";

    public static string DossierList(IReadOnlyList<Dossier> dossiers, OfficeDirectory offices, string? query = null, int page = 1, int pages = 1)
    {
        var search = $"""
            <form method="get" action="/staff/dossiers" role="search"><label>Tìm theo mã hồ sơ, họ tên hoặc số giấy tờ
            <input name="q" value="{E(query)}"></label> <button>Tìm</button></form>
            """;
        string PageLink(int to, string label) => $"<a href=\"/staff/dossiers?page={to}{(string.IsNullOrEmpty(query) ? "" : "&amp;q=" + Uri.EscapeDataString(query))}\">{label}</a>";
        var paging = pages <= 1 ? "" : $"<p>Trang {page}/{pages} {(page > 1 ? PageLink(page - 1, "← Trước") : "")} {(page < pages ? PageLink(page + 1, "Sau →") : "")}</p>";
        var rows = string.Concat(dossiers.Select(d => $"""
            <tr><td><a href="/staff/dossiers/{E(d.Id)}">{E(d.Id)}</a></td><td>{E(Name(d))}</td><td>{E(Kind(d))}</td>
            <td>{E(offices.Find(d.OfficeId ?? "")?.Name ?? "Chưa chọn")}</td><td>{d.CreatedAt.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm}</td><td>{E(Status(d.Status))}</td></tr>
            """));
        return $"""
            <main><p><a href="/staff">← Hàng chờ hỗ trợ</a></p><h1>Hồ sơ đã nhận</h1>
            <form method="get" action="/staff/dossiers.xlsx" class="filters">
            <label>Trạng thái <select name="status"><option value="">Tất cả</option><option value="submitted">Chờ duyệt</option><option value="approved">Đã duyệt</option><option value="rejected">Từ chối</option><option value="changes">Chờ bổ sung</option></select></label>
            <label>Từ ngày <input type="date" name="from"></label> <label>Đến ngày <input type="date" name="to"></label>
            <button>Tải danh sách (Excel)</button> <button formaction="/staff/dossiers.csv">Tải danh sách (CSV)</button></form>
            {search}{paging}
            {(dossiers.Count == 0 ? "<p>Chưa có hồ sơ nào.</p>" : $"<table><thead><tr><th>Mã hồ sơ</th><th>Họ tên</th><th>Loại</th><th>Cơ quan</th><th>Gửi lúc</th><th>Trạng thái</th></tr></thead><tbody>{rows}</tbody></table>")}
            </main>
            """;
    }

    public static string DossierPage(Dossier dossier, string antiforgery, Core.Engine.DialogContent content)
    {
        // What changed since the previous submission, shown beside each answer.
        var previous = dossier.History.LastOrDefault()?.Fields.ToDictionary(f => f.StepId, f => f.Display) ?? [];
        var fields = string.Concat(dossier.Fields.Select(f =>
            $"<tr><th>{E(f.Label)}</th><td>{E(f.Display)}{(previous.TryGetValue(f.StepId, out var was) && was != f.Display ? $" <small class=\"changed\">(trước: {E(was)})</small>" : "")}</td></tr>"));
        var photos = string.Concat(dossier.PhotoKeys.Select(k => $"<img alt=\"Ảnh hồ sơ\" src=\"/staff/photos/{E(k)}\">"));
        var steps = content.Dialogs.TryGetValue(dossier.DialogId, out var dialog) ? dialog.Steps.Where(s => s.Label is not null).ToList() : [];
        var reasons = string.Concat(content.DecisionReasons.Select(r => $"<option>{E(r)}</option>"));
        var boxes = string.Concat(steps.Select(s => $"<label><input type=\"checkbox\" name=\"fields\" value=\"{E(s.Id)}\"> {E(s.Label)}</label><br>"));
        var decide = dossier.Status == DossierStatus.Submitted
            ? $"""
              <h2>Quyết định</h2>
              <form method="post" action="/staff/dossiers/{E(dossier.Id)}/decision">{antiforgery}
              <button name="decision" value="approved">Duyệt hồ sơ</button></form>
              <form method="post" action="/staff/dossiers/{E(dossier.Id)}/decision">{antiforgery}
              <fieldset><legend>Yêu cầu bổ sung: chọn các mục người dân cần làm lại</legend>{boxes}
              <label>Lý do<select name="reason">{reasons}</select></label>
              <label>Ghi chú cho người dân<input name="note"></label>
              <button name="decision" value="changes">Yêu cầu bổ sung</button></fieldset></form>
              <form method="post" action="/staff/dossiers/{E(dossier.Id)}/decision">{antiforgery}
              <fieldset><legend>Từ chối</legend><label>Lý do<select name="reason">{reasons}</select></label>
              <label>Ghi chú cho người dân<input name="note"></label>
              <button class="reject" name="decision" value="rejected">Từ chối</button></fieldset></form>
              """
            : $"<p>Trạng thái: <strong>{E(Status(dossier.Status))}</strong>{(dossier.Reason is null ? "" : $" — {E(dossier.Reason)}")}</p>";
        return $"""
            <main><p><a href="/staff/dossiers">← Danh sách hồ sơ</a></p><h1>Hồ sơ {E(dossier.Id)}</h1>
            <p><a href="/staff/dossiers/{E(dossier.Id)}/form-01.pdf">Tải tờ khai mẫu 01 (PDF)</a></p>
            {(dossier.Version > 1 ? $"<p>Lần gửi thứ {dossier.Version}; các thay đổi so với lần trước được ghi “trước: …”.</p>" : "")}
            <table>{fields}</table>
            <div class="photos">{(photos.Length == 0 ? "<p>Ảnh đã được xóa theo thời hạn lưu trữ.</p>" : photos)}</div>
            {decide}</main>
            """;
    }

    private static string Name(Dossier d) =>
        d.Fields.FirstOrDefault(f => f.StepId is "full_name" or "c_name")?.Display ?? "";

    private static string Kind(Dossier d) => d.DialogId == "child-enrollment" ? "Cho con" : "Bản thân";

    private static string Status(string status) => status switch
    {
        DossierStatus.Approved => "Đã duyệt",
        DossierStatus.Rejected => "Từ chối",
        DossierStatus.ChangesRequested => "Chờ người dân bổ sung",
        _ => "Chờ duyệt",
    };
}
