namespace VssBot.Web;

/// <summary>
/// Every API error, one way: RFC 9457 problem details (<c>application/problem+json</c>) that
/// keep the web-chat contract's fields, <c>error</c> (a stable code) and <c>message</c> (what to
/// show the person, in Vietnamese from dialogs/), as extensions; the message is the title too.
/// </summary>
public static class ApiProblem
{
    public static IResult Of(int status, string error, string message) =>
        TypedResults.Problem(statusCode: status, title: message, extensions: new Dictionary<string, object?> { ["error"] = error, ["message"] = message });

    /// <summary>Written straight to the response (middleware), keeping the headers already set.</summary>
    public static Task WriteAsync(HttpContext http, int status, string error, string message) => Of(status, error, message).ExecuteAsync(http);
}
