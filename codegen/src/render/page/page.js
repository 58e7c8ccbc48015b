"use strict";
// The page's script: the box, the address, and putting answers in place. What a text asks,
// which rows answer it, in which order, why, and what to mark are the engine's (oqs-answer
// compiled to WebAssembly, the same Rust as explain): it answers each text with the status
// line and the rows in HTML. The answer to an empty box, the whole table, is in the page
// already.
(function () {
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var engine = null;
  var shown = "";

  // Texts go to the engine as UTF-8 written into its memory; answers come back the same way.
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  function call(fn, texts) {
    var placed = texts.map(function (text) {
      var bytes = encoder.encode(text);
      var at = engine.oqs_alloc(bytes.length);
      new Uint8Array(engine.memory.buffer, at, bytes.length).set(bytes);
      return [at, bytes.length];
    });
    var length = fn.apply(null, [].concat.apply([], placed));
    placed.forEach(function (p) { engine.oqs_free(p[0], p[1]); });
    return decoder.decode(new Uint8Array(engine.memory.buffer, engine.oqs_result(), length));
  }
  function run(text) {
    var answer = JSON.parse(call(engine.oqs_answer, [text]));
    status.className = answer.class;
    status.innerHTML = answer.status;
    results.innerHTML = answer.results;
    shown = text;
  }
  // The nearest words offered when nothing is found: a click searches for one.
  status.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-word]");
    if (!button) return;
    input.value = button.dataset.word;
    input.dispatchEvent(new Event("input"));
  });

  function fromLocation() {
    var q = new URLSearchParams(location.search).get("q");
    if (q === null && /^#[0-9]{3}$/.test(location.hash)) q = location.hash.slice(1);
    if (q !== null) input.value = q;
    if (input.value !== shown) run(input.value);
    if (q === null && location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }
  function start(exports) {
    engine = exports;
    var failed = call(engine.oqs_load, [
      document.getElementById("table-data").textContent,
      document.getElementById("callers-words-data").textContent
    ]);
    if (failed) throw new Error(failed);
    input.addEventListener("input", function () {
      run(input.value);
      try {
        var url = new URL(location.href);
        if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
        url.hash = "";
        history.replaceState(null, "", url.toString());
      } catch (e) { /* file: URLs may refuse; the box still works */ }
    });
    window.addEventListener("hashchange", fromLocation);
    fromLocation();
    document.documentElement.dataset.ready = "1";
  }
  // The module is in the page gzipped, in base64: inflated by the browser, then compiled.
  var packed = atob(document.getElementById("engine").textContent.trim());
  var bytes = new Uint8Array(packed.length);
  for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  Promise.resolve()
    .then(function () {
      var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(inflated).arrayBuffer();
    })
    .then(function (wasm) { return WebAssembly.instantiate(wasm, {}); })
    .then(function (module) { start(module.instance.exports); })
    .catch(function (error) {
      status.className = "none";
      status.textContent = "このブラウザでは検索を使えません（" + error + "）。表の全体は下に示しています。Edge・Chrome・Firefox・Safari の新しい版で開くと検索できます。";
      document.documentElement.dataset.ready = "1";
    });
})();
