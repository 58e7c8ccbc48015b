"use strict";
// The page's script: the box, the address, the clipboard, putting answers in place. What a
// text asks, which rows answer, why, what to mark, what a filter keeps and what a copy holds
// are the engine's (oqs-answer as WebAssembly, the same Rust as explain), which answers in
// HTML and plain text. The answer to an empty box, the whole table, is in the page already.
(function () {
  var input = document.getElementById("q"), status = document.getElementById("status");
  var results = document.getElementById("results");
  var call = null, shown = "", filter = "", composing = false;
  function run(text) {
    var answer = JSON.parse(call("oqs_answer", [text, filter]));
    status.className = answer.class;
    status.innerHTML = answer.status;
    results.innerHTML = answer.results;
    shown = text;
  }
  // A row's text for a ticket, as the engine writes it, onto the clipboard.
  function copy(button) {
    var text = call("oqs_ticket", [shown, button.closest("article").dataset.row]);
    var done = function () { button.textContent = results.dataset.done; };
    var bySelection = function () {
      var area = document.body.appendChild(document.createElement("textarea"));
      area.value = text; area.select();
      if (document.execCommand("copy")) done();
      area.remove();
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, bySelection); else bySelection();
  }
  // A word offered when nothing is found searches for it; a filter button carries its filter.
  status.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-word]");
    if (button) { input.value = button.dataset.word; typed(); }
  });
  results.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-filter], button.copy");
    if (button && button.dataset.filter) { filter = button.dataset.filter; run(input.value); }
    else if (button) copy(button);
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
    document.documentElement.classList.remove("answering");
    document.documentElement.dataset.ready = "1";
  }
  // The engine, made ready while the page was read (load.js).
  window.oqsEngine
    .then(start)
    .catch(function (error) {
      document.documentElement.classList.remove("answering");
      status.className = "none";
      status.textContent = "このブラウザでは検索を使えません（" + error + "）。表の全体は下に示しています。Edge・Chrome・Firefox・Safari の新しい版で開くと検索できます。";
      document.documentElement.dataset.ready = "1";
    });
})();
