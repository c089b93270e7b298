// The staff console's live parts: the server says (server-sent events) which handed-off
// conversation changed, and the page fetches the fragment that shows it again.
(function () {
  const live = new EventSource("/staff/events");
  function refresh(id, url) {
    fetch(url).then(r => r.ok ? r.text() : "").then(html => { if (html) document.getElementById(id).innerHTML = html; });
  }

  const queue = document.getElementById("queue");
  if (queue) {
    live.onmessage = () => refresh("queue", "/staff/queue");
    return;
  }

  const page = document.querySelector("main[data-id]");
  if (!page) return;
  const id = page.dataset.id;
  const transcript = "/staff/conversations/" + id + "/transcript";
  live.onmessage = e => { if (e.data === id) refresh("transcript", transcript); };
  document.querySelectorAll(".canned").forEach(b => b.addEventListener("click", () => { document.querySelector("#reply textarea").value = b.dataset.text; }));
  const form = document.getElementById("reply");
  if (form) form.addEventListener("submit", async e => {
    e.preventDefault();
    // On a slow or lost connection the text stays in the box and the staff member is told.
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const r = await fetch(form.action, { method: "POST", body: new FormData(form) });
      if (r.ok) { form.reset(); refresh("transcript", transcript); }
      else { const body = await r.json().catch(() => ({})); alert(body.message || page.dataset.failed); }
    } catch { alert(page.dataset.offline); }
    finally { button.disabled = false; }
  });
})();
