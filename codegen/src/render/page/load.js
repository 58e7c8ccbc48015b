"use strict";
// The engine (oqs-answer compiled to WebAssembly) is inflated and compiled while the rest of
// the page is read; page.js, at its end, instantiates it. An address that asks something
// (?q=, #015) is answered by the engine: the whole table is not laid out meanwhile.
window.oqsEngine = Promise.resolve().then(function () {
  var packed = atob(document.getElementById("engine").textContent.trim()), bytes = new Uint8Array(packed.length);
  for (var i = 0; i < packed.length; i++) bytes[i] = packed.charCodeAt(i);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
}).then(function (wasm) { return WebAssembly.compile(wasm); });
if (/[?&]q=./.test(location.search) || /^#[0-9]{3}/.test(location.hash)) document.documentElement.classList.add("answering");
