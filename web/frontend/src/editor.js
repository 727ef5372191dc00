// The exercise page's editor: CodeMirror 6 over the page's <textarea>, which stays the
// form field, so the page works without JavaScript too. Save writes the learner's file
// (the one `ladder check` grades), Check saves if needed and grades it, and "check on
// save" grades after each save, as `ladder watch` does. The server refuses a save when
// the file changed outside since this page loaded it (the token is its sha256).
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  indentOnInput, bracketMatching, syntaxHighlighting, indentUnit,
} from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { classHighlighter } from "@lezer/highlight";

const theme = EditorView.theme({
  "&": { color: "var(--ink)", backgroundColor: "var(--code-bg)", fontSize: "0.9rem" },
  ".cm-content": { fontFamily: "var(--mono)", caretColor: "var(--ink)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": {
    backgroundColor: "var(--code-bg)", color: "var(--muted)", borderRight: "1px solid var(--line)",
  },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--ink)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-matchingBracket": { backgroundColor: "var(--selection)", outline: "none" },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "-1px" },
});

function mount(form) {
  const area = form.querySelector("textarea[name=source]");
  const tokenField = form.querySelector("input[name=token]");
  const status = document.getElementById("editor-status");
  const autocheck = form.querySelector("input[name=autocheck]");
  const verdict = document.getElementById("verdict");
  const badge = document.getElementById("state");
  const key = `ladder-autocheck`;
  if (autocheck) {
    const kept = window.localStorage.getItem(key);
    if (kept !== null) { autocheck.checked = kept === "1"; }
    autocheck.addEventListener("change", () => {
      window.localStorage.setItem(key, autocheck.checked ? "1" : "0");
    });
  }
  let saved = area.value;   // the text of the file as last loaded or saved
  let busy = false;
  let pending = null;       // an action asked for while busy

  const say = (text, kind) => {
    status.textContent = text;
    status.className = `small editor-status ${kind || "muted"}`;
  };
  const dirty = () => view.state.doc.toString() !== saved;
  const showDirty = () => { if (!busy) { say(dirty() ? "unsaved changes" : "saved", ""); } };

  const view = new EditorView({
    state: EditorState.create({
      doc: area.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(),
        highlightActiveLine(), highlightSelectionMatches(), indentUnit.of("    "),
        EditorState.tabSize.of(4), python(), syntaxHighlighting(classHighlighter), theme,
        keymap.of([
          { key: "Mod-s", preventDefault: true, run: () => { send("save"); return true; } },
          { key: "Mod-Enter", preventDefault: true, run: () => { send("check"); return true; } },
          indentWithTab, ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap,
          ...historyKeymap,
        ]),
        EditorView.updateListener.of((u) => { if (u.docChanged) { showDirty(); } }),
        EditorView.contentAttributes.of({ "aria-label": area.getAttribute("aria-label") || "code" }),
      ],
    }),
  });
  area.hidden = true;
  area.after(view.dom);
  view.dom.classList.add("code-editor");
  form.dataset.js = "1";  // app.js's double-submit guard leaves this form to us

  const conflict = (message, diskToken) => {
    say("", "");
    const box = document.createElement("div");
    box.className = "notice bad";
    box.id = "save-refused";
    box.textContent = message + " ";
    const replace = document.createElement("button");
    replace.type = "button";
    replace.className = "button";
    replace.textContent = "Replace it with my text";
    replace.addEventListener("click", () => { tokenField.value = diskToken; box.remove(); send("save"); });
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button";
    reload.textContent = "Load the version on disk";
    reload.addEventListener("click", () => { saved = view.state.doc.toString(); window.location.reload(); });
    box.append(replace, " ", reload);
    document.getElementById("save-refused")?.remove();
    form.before(box);
  };

  async function send(action) {
    if (busy) { pending = action; return; }
    const text = view.state.doc.toString();
    const checking = action === "check" || (autocheck && autocheck.checked);
    if (!checking && text === saved) { say("nothing to save", ""); return; }
    busy = true;
    document.getElementById("save-refused")?.remove();
    say(checking ? "checking…" : "saving…", "");
    form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    const body = new FormData(form);
    body.set("source", text);
    body.set("action", action);
    body.set("token", tokenField.value);
    if (!autocheck || !autocheck.checked) { body.delete("autocheck"); }
    try {
      const response = await fetch(form.getAttribute("action"), {  // form.action is the button named "action"
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
      if (!response.ok) {
        if (response.status === 409 && data.token) { conflict(data.error, data.token); }
        else { say(data.error || `could not save (${response.status})`, "bad"); }
        return;
      }
      tokenField.value = data.token;
      const now = view.state.doc.toString();
      if (data.source !== null && data.source !== text && now === text && text === saved) {
        // The file changed outside and nothing was typed here: show the new version.
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: data.source } });
        saved = data.source;
      } else if (data.source !== null) {
        saved = data.source === text ? text : saved;
      }
      if (data.verdict_html !== null && verdict) { verdict.innerHTML = data.verdict_html; }
      if (badge && data.state) {
        badge.className = `state ${data.state}`;
        badge.textContent = data.state_label;
      }
      const when = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      const what = data.saved ? "saved" : "no changes to save";
      say(data.checked ? `${what}, checked at ${when}` : `${what} at ${when}`, data.saved ? "good" : "");
      if (data.checked && verdict && action === "check") {
        verdict.scrollIntoView({ behavior: "smooth", block: "nearest" });
      }
    } catch (err) {
      say(`could not reach the server: ${err.message}`, "bad");
    } finally {
      busy = false;
      form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
      if (pending) { const next = pending; pending = null; send(next); }
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const action = event.submitter && event.submitter.value === "check" ? "check" : "save";
    send(action);
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  showDirty();
  return view;
}

const form = document.getElementById("editor-form");
if (form) { window.ladderEditor = mount(form); }
