"use strict";
// The engine (oqs-answer compiled to WebAssembly) is inflated and compiled while the rest of
// the page is read; page.js, at its end, instantiates it. An address that asks something
// (?q=, #015) is answered by the engine: the whole table is not laid out meanwhile.
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
});
if (/[?&]q=./.test(location.search) || /^#[0-9]{3}/.test(location.hash)) document.documentElement.classList.add("answering");
