using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace VssBot.Channels.Zalo;

/// <summary>
/// A thin typed client of Zalo's OA Open API and OAuth v4, on an HttpClient from
/// IHttpClientFactory with a resilience pipeline (Microsoft.Extensions.Http.Resilience).
/// Zalo answers most errors with HTTP 200 and a negative "error" in the body: every
/// answer is read for it.
/// </summary>
internal sealed class ZaloApi(HttpClient http, IOptions<ZaloOptions> options)
{
    private ZaloOptions O => options.Value;

    /// <summary>POST /v3.0/oa/message/cs (a consultation message or a reply).</summary>
    public async Task<ZaloReply> SendAsync(string accessToken, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{O.ApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs") { Content = JsonContent.Create(body) };
        request.Headers.Add("access_token", accessToken);
        return await ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>POST /v2.0/oa/upload/image or /file: the attachment id (image) or token (file).</summary>
    public async Task<ZaloReply> UploadAsync(string accessToken, string kind, byte[] bytes, string fileName, string contentType, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{O.ApiBaseUrl.TrimEnd('/')}/v2.0/oa/upload/{kind}") { Content = form };
        request.Headers.Add("access_token", accessToken);
        return await ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>OAuth v4: a new token pair for the (single-use) refresh token.</summary>
    public async Task<ZaloReply> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{O.OAuthBaseUrl.TrimEnd('/')}/v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken, ["app_id"] = O.AppId ?? "", ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.Add("secret_key", O.AppSecret ?? "");
        return await ReadAsync(await http.SendAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>A photo or file a person sent (Zalo's CDN URL), at most <paramref name="maxBytes"/>; null when larger.</summary>
    public async Task<byte[]?> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new HttpRequestException("the attachment's address is not an http(s) URL"); // cannot be fetched: not the person's file's size
        }

        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<ZaloReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                throw new HttpRequestException($"Zalo answered {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
            var error = body["error"] is JsonValue e && e.TryGetValue<int>(out var code) ? code : 0;
            return new ZaloReply(error, body["message"]?.ToString() ?? body["error_description"]?.ToString() ?? body["error_name"]?.ToString(), body);
        }
    }
}

/// <summary>Zalo's answer: <see cref="Error"/> 0 on success, negative otherwise.</summary>
internal sealed record ZaloReply(int Error, string? Message, JsonObject Body)
{
    public bool Ok => Error == 0;
}
