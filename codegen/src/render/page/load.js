"use strict";
// The engine (oqs-answer compiled to WebAssembly) is inflated, compiled, instantiated and
// given the table while the rest of the page is read; page.js, at its end, asks it. An
// address that asks something (?q=, #015) is answered by the engine: the whole table is not
// laid out meanwhile. The engine resolves to call(name, texts): the engine's function of
// that name given each text (a string, or the bytes of a section) written into its memory
// as UTF-8, and its result read back as text.
window.oqsEngine = Promise.resolve().then(function () {
  // Decoded natively where the browser can (the loop takes a few ms of the page's thread);
  // compiled as it is inflated, off that thread.
  var text = document.getElementById("engine").textContent.trim(), bytes;
  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(text);
  else {
    var packed = atob(text);
    bytes = new Uint8Array(packed.length);
    for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  }
  // A stream of the bytes in hand: a Blob's stream is read through the browser's own
  // process, later (3 ms inflated so against 5 idle, more while the page is read).
  var gzipped = new ReadableStream({start: function (c) { c.enqueue(bytes); c.close(); }});
  var wasm = new Response(gzipped.pipeThrough(new DecompressionStream("gzip")),
    {headers: {"Content-Type": "application/wasm"}});
  return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(wasm)
    : wasm.arrayBuffer().then(function (inflated) { return WebAssembly.compile(inflated); });
}).then(function (module) {
  return WebAssembly.instantiate(module, {}).then(function (instance) {
    var engine = instance.exports, encoder = new TextEncoder(), decoder = new TextDecoder();
    var call = function (name, texts) {
      var placed = texts.map(function (text) {
        var bytes = typeof text === "string" ? encoder.encode(text) : new Uint8Array(text);
        var at = engine.oqs_alloc(bytes.length);
        new Uint8Array(engine.memory.buffer, at, bytes.length).set(bytes);
        return [at, bytes.length];
      });
      var length = engine[name].apply(null, [].concat.apply([], placed));
      placed.forEach(function (p) { engine.oqs_free(p[0], p[1]); });
      return decoder.decode(new Uint8Array(engine.memory.buffer, engine.oqs_result(), length));
    };
    // The data, in the module's custom sections that the element's data-*-section name.
    var sections = document.getElementById("engine").dataset;
    var section = function (name) { return WebAssembly.Module.customSections(module, sections[name])[0]; };
    var failed = call("oqs_load", [section("tableSection"), section("wordsSection"), section("sentencesSection")]);
    if (failed) throw new Error(failed);
    return call;
  });
});
if (/[?&]q=./.test(location.search) || /^#[0-9]{3}/.test(location.hash)) document.documentElement.classList.add("answering");
