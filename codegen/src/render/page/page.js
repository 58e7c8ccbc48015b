"use strict";
// The page's script: the box, the address, the clipboard, putting answers in place. What a
// text asks, which rows answer, why, what to mark, what a filter keeps and what a copy holds
// are the engine's (oqs-answer as WebAssembly, the same Rust as explain), which answers in
// HTML and plain text. The answer to an empty box, the whole table, is in the page already.
(function () {
  var input = document.getElementById("q"), status = document.getElementById("status");
  var results = document.getElementById("results");
  var engine = null, shown = "", filter = "", composing = false;
  // Texts go to the engine as UTF-8 written into its memory (the data of the module's
  // sections as the bytes they are); answers come back the same way.
  var encoder = new TextEncoder(), decoder = new TextDecoder();
  function call(fn, texts) {
    var placed = texts.map(function (text) {
      var bytes = typeof text === "string" ? encoder.encode(text) : new Uint8Array(text);
      var at = engine.oqs_alloc(bytes.length);
      new Uint8Array(engine.memory.buffer, at, bytes.length).set(bytes);
      return [at, bytes.length];
    });
    var length = fn.apply(null, [].concat.apply([], placed));
    placed.forEach(function (p) { engine.oqs_free(p[0], p[1]); });
    return decoder.decode(new Uint8Array(engine.memory.buffer, engine.oqs_result(), length));
  }
  function run(text) {
    var answer = JSON.parse(call(engine.oqs_answer, [text, filter]));
    status.className = answer.class;
    status.innerHTML = answer.status;
    results.innerHTML = answer.results;
    shown = text;
  }
  // A row's text for a ticket, as the engine writes it, onto the clipboard.
  function copy(button) {
    var text = call(engine.oqs_ticket, [shown, button.closest("article").dataset.row]);
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
  function start(module, exports) {
    engine = exports;
    var sections = document.getElementById("engine").dataset;
    var section = function (name) { return WebAssembly.Module.customSections(module, sections[name])[0]; };
    var failed = call(engine.oqs_load, [section("tableSection"), section("wordsSection"), section("sentencesSection")]);
    if (failed) throw new Error(failed);
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
  // The module, compiled while the page was read (load.js), made ready.
  window.oqsEngine
    .then(function (module) {
      return WebAssembly.instantiate(module, {}).then(function (instance) { start(module, instance.exports); });
    })
    .catch(function (error) {
      document.documentElement.classList.remove("answering");
      status.className = "none";
      status.textContent = "このブラウザでは検索を使えません（" + error + "）。表の全体は下に示しています。Edge・Chrome・Firefox・Safari の新しい版で開くと検索できます。";
      document.documentElement.dataset.ready = "1";
    });
})();
