// VssBot web chat: talks to /api/chat/conversations. Renders the transcript from
// GET …/messages (the single source of truth), so a reload or a staff message shows
// the same thing as a reply.
(function () {
  const api = "/api/chat/conversations";
  const $ = (id) => document.getElementById(id);
  const list = $("messages"), choices = $("choices"), notice = $("notice");
  const text = $("text"), photo = $("photo"), photoLabel = document.querySelector(".photo");
  // The key opens the conversation: kept for this browser session only, unless the person
  // ticks "ghi nhớ trên thiết bị này" (on a shared computer the next user must not see it).
  const KEY = "vssbot.conversation", REMEMBER = "vssbot.remember";
  const remember = $("remember");
  remember.checked = localStorage.getItem(REMEMBER) === "1";
  let id = sessionStorage.getItem(KEY) || (remember.checked ? localStorage.getItem(KEY) : null);
  if (!remember.checked) localStorage.removeItem(KEY);

  function keep(key) {
    sessionStorage.setItem(KEY, key);
    if (remember.checked) localStorage.setItem(KEY, key); else localStorage.removeItem(KEY);
  }
  let lastSeq = 0, busy = false;

  function showNotice(message) {
    notice.textContent = message || "";
    notice.hidden = !message;
  }

  function render(messages) {
    for (const m of messages) {
      if (m.seq <= lastSeq) continue; // two refreshes that overlapped: show each message once
      const div = document.createElement("div");
      div.className = "msg " + m.from;
      div.textContent = m.text;
      if (m.photo) {
        const img = document.createElement("img");
        img.src = m.photo;
        img.alt = "Ảnh từ cán bộ";
        div.appendChild(img);
      }
      if (m.file) {
        // A document (form 01): a link that downloads it.
        const a = document.createElement("a");
        a.href = m.file.url;
        a.download = m.file.name;
        a.textContent = "📄 " + m.file.name;
        div.appendChild(document.createElement("br"));
        div.appendChild(a);
      }
      list.appendChild(div);
      lastSeq = Math.max(lastSeq, m.seq);
      if (m.from !== "user") {
        showChoices(m.choices || [], m.expects);
      }
    }
    list.scrollTop = list.scrollHeight;
  }

  function showChoices(items, expects) {
    choices.innerHTML = "";
    for (const label of items) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", () => send(label));
      choices.appendChild(b);
    }
    photoLabel.classList.toggle("wanted", expects === "photo");
    // A date needs "/" too, which a phone's number pad lacks: dates get the ordinary keyboard.
    text.inputMode = expects === "phone" ? "tel" : "text";
  }

  // An invite link (/?u=TOKEN) counts the conversation for its school or employer.
  const unit = new URLSearchParams(location.search).get("u");

  async function start() {
    let r = unit
      ? await fetch(api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ unit }) })
      : await fetch(api, { method: "POST" });
    let refused = null;
    if (r.status === 400) {
      // A link that no longer works: say so, and register without it.
      refused = (await r.json()).message;
      r = await fetch(api, { method: "POST" });
    }
    const body = await r.json();
    id = body.conversationId;
    keep(id);
    list.innerHTML = "";
    lastSeq = 0;
    if (refused) showNotice(refused);
    await refresh();
  }

  async function refresh() {
    if (!id) return;
    const r = await fetch(`${api}/${id}/messages?after=${lastSeq}`);
    if (r.status === 404 || r.status === 400) { await start(); return; }
    if (!r.ok) return;
    const body = await r.json();
    render(body.messages);
  }

  // Messages go out one after another, in the order typed: one sent while another is on
  // its way waits for it instead of being lost.
  let queue = Promise.resolve();
  function post(init) {
    queue = queue.then(() => send1(init));
    return queue;
  }

  async function send1(init) {
    busy = true;
    showNotice("");
    try {
      if (!id) await start();
      const r = await fetch(`${api}/${id}/messages`, Object.assign({ method: "POST" }, init));
      if (r.status === 404 || r.status === 400) { await start(); return; }
      if (!r.ok) {
        const err = await r.json().catch(() => ({ message: "Có lỗi xảy ra, bạn thử lại giúp mình nhé." }));
        showNotice(err.message);
      }
      await refresh();
    } catch (e) {
      showNotice("Mất kết nối. Bạn kiểm tra mạng rồi thử lại nhé.");
    } finally {
      busy = false;
    }
  }

  function send(message) {
    if (!message.trim()) return;
    text.value = "";
    return post({ headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: message }) });
  }

  $("composer").addEventListener("submit", (e) => { e.preventDefault(); send(text.value); });
  document.querySelectorAll("#tools [data-say]").forEach((b) => b.addEventListener("click", () => send(b.dataset.say)));
  $("new-chat").addEventListener("click", () => {
    if (confirm("Bắt đầu một cuộc trò chuyện mới? Cuộc hiện tại vẫn được lưu nhưng trang sẽ không hiện nữa.")) start();
  });
  remember.addEventListener("change", () => {
    localStorage.setItem(REMEMBER, remember.checked ? "1" : "0");
    if (id) keep(id);
  });
  const end = $("end-chat");
  end.addEventListener("click", () => {
    if (!confirm(end.dataset.confirm)) return;
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    id = null;
    list.innerHTML = "";
    choices.innerHTML = "";
    lastSeq = 0;
    showNotice(end.dataset.done);
  });
  photo.addEventListener("change", () => {
    const file = photo.files[0];
    if (!file) return;
    const form = new FormData();
    form.append("photo", file);
    photo.value = "";
    post({ body: form });
  });

  (id ? refresh() : start());
  // Staff replies arrive without the person sending anything: look every two seconds.
  setInterval(() => { if (!busy && id) refresh(); }, 2000);
})();
