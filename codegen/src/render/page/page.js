"use strict";
// The page's script: the box, the address, the clipboard, putting answers in place. What a
// text asks, which rows answer, why, what to mark, what a filter keeps and what a copy holds
// are the engine's (oqs-answer as WebAssembly, the same Rust as explain), which answers in
// HTML and plain text. The answer to an empty box, the whole table, is in the page already.
// This script runs before the whole table is read, so that an address's answer is drawn as
// soon as the engine is ready; the table, hidden meanwhile, is then taken out of the page and
// put back for an empty box.
(function () {
  var input = document.getElementById("q"), status = document.getElementById("status");
  var main = document.querySelector("main"), script = document.currentScript;
  var call = null, shown = "", filter = "", composing = false, whole = null;
  // Puts an element where the results are shown (#results): in place of the ones shown,
  // keeping the whole table (data-whole) aside, or before the table not read yet.
  function show(element) {
    var current = document.getElementById("results");
    if (current === element) return;
    if (!current) { script.after(element); return; }
    if (current.hasAttribute("data-whole")) whole = current;
    current.replaceWith(element);
  }
  // The page's own answer to an empty box (codegen wrote the engine's): its status line
  // here, its table in #results[data-whole].
  var tableStatus = [status.className, status.innerHTML];
  function run(text) {
    var current = document.getElementById("results");
    var table = current && current.hasAttribute("data-whole") ? current : whole;
    if (!text && !filter && table) {
      status.className = tableStatus[0];
      status.innerHTML = tableStatus[1];
      show(table);
    } else {
      // The class, the status line and the rows, each ended by NUL (no HTML holds one).
      var answer = call("oqs_answer", [text, filter]).split("\0");
      status.className = answer[0];
      status.innerHTML = answer[1];
      // An answer drawn before is drawn over; the whole table is put aside, not drawn over.
      var drawn = current && current !== table ? current : document.createElement("div");
      drawn.id = "results";
      drawn.innerHTML = answer[2];
      show(drawn);
    }
    shown = text;
  }
  // Once the table is read and an answer is shown in its place, the table goes aside.
  function settle() {
    if (!call || document.readyState === "loading") return;
    var table = main.querySelector("#results[data-whole]");
    if (table && table !== document.getElementById("results")) { whole = table; table.remove(); }
    document.documentElement.classList.remove("answering");
  }
  // A row's text for a ticket, as the engine writes it, onto the clipboard.
  function copy(button) {
    var text = call("oqs_ticket", [shown, button.closest("article").dataset.row]);
    var done = function () { button.textContent = main.dataset.done; };
    var bySelection = function () {
      var area = document.body.appendChild(document.createElement("textarea"));
      area.value = text; area.select();
      if (document.execCommand("copy")) done();
      area.remove();
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, bySelection); else bySelection();
  }
  // A word offered when nothing is found searches for it; a filter button carries its
  // filter; a copy button copies its row.
  main.addEventListener("click", function (event) {
    var button = call && event.target.closest("button[data-word], button[data-filter], button.copy");
    if (!button) return;
    if ("word" in button.dataset) { input.value = button.dataset.word; typed(); }
    else if ("filter" in button.dataset) { filter = button.dataset.filter; run(input.value); }
    else copy(button);
  });
  // The address: a fragment (#015, #015-1, as the links give) is asked, else ?q=.
  function fromLocation() {
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* kept as written */ }
    input.value = hash || new URLSearchParams(location.search).get("q") || "";
    if (input.value !== shown) { filter = ""; run(input.value); }
    var target = hash && document.getElementById(hash);
    if (target) target.scrollIntoView();
  }
  function typed() {
    if (composing || input.value === shown) return;
    filter = "";
    run(input.value);
    try {
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      url.hash = "";
      history.replaceState(null, "", url.toString());
    } catch (e) { /* file: URLs may refuse; the box still works */ }
  }
  function start(engine) {
    call = engine;
    // While an input method composes (かな漢字変換), the text is not yet what is meant.
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; typed(); });
    input.addEventListener("input", function (event) { if (!event.isComposing) typed(); });
    window.addEventListener("hashchange", fromLocation);
    window.addEventListener("popstate", fromLocation);
    fromLocation();
    settle();
    document.documentElement.dataset.ready = "1";
  }
  document.addEventListener("DOMContentLoaded", settle);
  // The engine, made ready while the page is read (load.js).
  window.oqsEngine
    .then(start)
    .catch(function (error) {
      document.documentElement.classList.remove("answering");
      status.className = "none";
      status.textContent = "このブラウザでは検索を使えません（" + error + "）。表の全体は下に示しています。Edge・Chrome・Firefox・Safari の新しい版で開くと検索できます。";
      document.documentElement.dataset.ready = "1";
    });
})();
