// Ladder's little JavaScript: review keys, busy buttons, live lab progress (SSE), the
// colour theme toggle.
// Everything also works without it, except the live lab view.
"use strict";

function typing(event) {
  const t = event.target;
  return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
}

// A form submits once: a second click or key press while the page loads is ignored.
function guardForms() {
  document.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.dataset.js) { return; }  // the editor's form sends itself (editor.js)
      if (form.dataset.busy) { event.preventDefault(); return; }
      form.dataset.busy = "1";
      const check = form.querySelector("#check");
      if (check) { check.textContent = "Checking…"; }
    });
  });
}

// Review: space shows the answer, 1–4 rate it; Enter goes to the next card.
function reviewKeys() {
  const back = document.getElementById("back");
  const next = document.getElementById("next");
  const form = document.getElementById("review-form");
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) { return; }
    if (back && (event.key === " " || event.code === "Space")) {
      event.preventDefault();
      back.open = true;
      return;
    }
    const undo = document.getElementById("undo");
    if (undo && event.key === "u") {
      event.preventDefault();
      undo.closest("form").requestSubmit();
      return;
    }
    const choice = form && /^[1-9]$/.test(event.key)
      ? form.querySelector(`button.choice[value="${event.key}"]`) : null;
    if (choice && !form.dataset.busy) {
      event.preventDefault();
      form.requestSubmit(choice);
      return;
    }
    if (back && back.open && form && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      const button = form.querySelector(`button.rate.r${event.key}`);
      if (button && !form.dataset.busy) { form.requestSubmit(button); }
      return;
    }
    if (next && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      window.location.href = next.getAttribute("href");
    }
  });
}

// A number as a person writes it (as ladder.study.labs.human_number): 31,240 not 3.124e+04.
function fmt(value) {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "nan" : (value > 0 ? "∞" : "−∞");
  const size = Math.abs(value);
  if (Number.isInteger(value) && size < 1e15) return value.toLocaleString("en-US");
  if (size >= 10000) return Math.round(value).toLocaleString("en-US");
  if (size >= 1000) return value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (size >= 1e-3) return Number(value.toPrecision(4)).toString();
  return value.toExponential(1);
}

// Labs: follow the run's events and move to the results when it ends.
function labLive() {
  const live = document.getElementById("live");
  if (!live || !live.dataset.events) { return; }
  const status = document.getElementById("lab-status");
  if (status.textContent.trim() !== "Running…") { return; }
  const bars = document.getElementById("bars");
  const log = document.getElementById("log");
  const metrics = document.getElementById("metrics");
  const figures = document.getElementById("figures");
  const rows = {};
  const source = new EventSource(live.dataset.events);
  source.onmessage = (message) => {
    const e = JSON.parse(message.data);
    if (e.type === "progress") {
      const key = e.description || "working";
      if (!rows[key]) {
        const row = document.createElement("div");
        row.className = "bar-row";
        row.innerHTML = "<span class='what'></span> <span class='muted n'></span><progress></progress>";
        row.querySelector(".what").textContent = key;
        bars.appendChild(row);
        rows[key] = row;
      }
      const bar = rows[key].querySelector("progress");
      if (e.total) { bar.max = e.total; bar.value = e.completed; }
      rows[key].querySelector(".n").textContent = e.total ? `${e.completed}/${e.total}` : `${e.completed}`;
    } else if (e.type === "progress_end") {
      const row = rows[e.description || "working"];
      if (row) { row.querySelector(".n").textContent += " ✓"; }
    } else if (e.type === "log") {
      log.textContent += e.message + "\n";
    } else if (e.type === "metric") {
      const line = document.createElement("div");
      line.textContent = `${e.name} = ${fmt(e.value)}`;
      metrics.appendChild(line);
    } else if (e.type === "table") {
      log.textContent += `table: ${e.title}\n`;
    } else if (e.type === "figure" && e.url) {
      const img = document.createElement("img");
      img.src = e.url;
      img.alt = "plot";
      const fig = document.createElement("figure");
      fig.appendChild(img);
      figures.appendChild(fig);
    } else if (e.type === "end") {
      source.close();
      status.textContent = e.status === "done" ? "Finished." : `Failed: ${e.error || "see the results"}`;
      if (e.url) {
        document.getElementById("result-link").innerHTML = "";
        const a = document.createElement("a");
        a.className = "button primary";
        a.href = e.url;
        a.textContent = "See the results";
        document.getElementById("result-link").appendChild(a);
        if (e.status === "done") { setTimeout(() => { window.location.href = e.url; }, 600); }
      }
    }
  };
}

// The theme toggle: as the system → dark → light → as the system (kept in localStorage;
// theme.js applies it before the page is drawn).
function themeToggle() {
  const button = document.getElementById("theme-toggle");
  if (!button) { return; }
  const names = { "": "as the system", dark: "dark", light: "light" };
  const icons = { "": "◐", dark: "☾", light: "☀" };
  const show = () => {
    const now = document.documentElement.dataset.theme || "";
    button.textContent = icons[now];
    button.title = `Colour theme: ${names[now]} (click to change)`;
    button.setAttribute("aria-label", `Colour theme: ${names[now]}`);
  };
  button.hidden = false;
  show();
  button.addEventListener("click", () => {
    const order = ["", "dark", "light"];
    const now = document.documentElement.dataset.theme || "";
    const next = order[(order.indexOf(now) + 1) % order.length];
    if (next) { document.documentElement.dataset.theme = next; }
    else { delete document.documentElement.dataset.theme; }
    try {
      if (next) { window.localStorage.setItem("ladder-theme", next); }
      else { window.localStorage.removeItem("ladder-theme"); }
    } catch (e) { /* storage blocked: this page only */ }
    show();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  themeToggle();
  guardForms();
  reviewKeys();
  labLive();
});

// Generate: stream the characters as the model samples them (the form works without it).
function generateLive() {
  const form = document.getElementById("generate-form");
  const out = document.getElementById("generated");
  if (!form || !out || !window.EventSource) { return; }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value !== "") { params.append(key, value); }
    }
    out.textContent = form.elements.prompt.value;
    const old = document.getElementById("error");
    if (old) { old.remove(); }
    const source = new EventSource("/tools/generate/stream?" + params.toString());
    source.onmessage = (e) => { out.textContent += JSON.parse(e.data); };
    source.addEventListener("end", () => source.close());
    source.addEventListener("error", (e) => {
      source.close();
      if (e.data) {
        const p = document.createElement("p");
        p.className = "notice warn";
        p.id = "error";
        p.textContent = JSON.parse(e.data);
        out.before(p);
      }
    });
  });
}
document.addEventListener("DOMContentLoaded", generateLive);

