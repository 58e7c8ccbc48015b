"use strict";
// The page's script: the box, the address and the drawing. What a text asks, which rows
// answer it, in which order, why, and what to mark are the engine's (oqs-answer compiled
// to WebAssembly, the same Rust as explain): it answers each text with what to draw.
(function () {
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  var engine = null;

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

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // A text in the engine's pieces: plain, marked, a character no one can see, a badge.
  function draw(parent, pieces) {
    pieces.forEach(function (p) {
      if (typeof p === "string") {
        parent.appendChild(document.createTextNode(p));
      } else if (p.mark) {
        var mark = el("mark");
        draw(mark, p.mark);
        parent.appendChild(mark);
      } else if (p.unseen) {
        var unseen = el("span", "unseen " + p.kind, p.unseen);
        unseen.title = p.title;
        parent.appendChild(unseen);
      } else if (p.badge !== undefined) {
        parent.appendChild(el("span", "badge " + p.class, p.badge));
      }
    });
  }
  function drawn(tag, cls, pieces) {
    var e = el(tag, cls);
    draw(e, pieces);
    return e;
  }
  function fields(list) {
    var dl = el("dl");
    list.forEach(function (f) {
      dl.appendChild(el("dt", null, f.label));
      dl.appendChild(drawn("dd", f.class, f.text));
    });
    return dl;
  }
  function show(answer) {
    status.className = answer.status.class;
    status.textContent = "";
    draw(status, answer.status.text);
    if (answer.status.near.length) {
      var near = el("span", "near", " " + answer.status.near_label);
      answer.status.near.forEach(function (word) {
        var button = el("button", null, word);
        button.type = "button";
        button.addEventListener("click", function () { input.value = word; input.dispatchEvent(new Event("input")); });
        near.appendChild(button);
      });
      status.appendChild(near);
    }
    results.textContent = "";
    answer.sections.forEach(function (s) {
      var section = el("section", s.withdrawn ? "code withdrawn" : "code");
      if (s.id) section.id = s.id;
      var h2 = el("h2");
      h2.appendChild(el("span", "number", s.number));
      h2.appendChild(drawn("span", "heading", s.heading));
      h2.appendChild(drawn("span", "tags", s.tags));
      if (s.badge) draw(h2, [s.badge]);
      section.appendChild(h2);
      if (s.message) {
        var message = fields([s.message]);
        message.className = "message";
        section.appendChild(message);
      }
      s.rows.forEach(function (r) {
        var article = el("article", "row");
        article.dataset.row = r.ref;
        var head = el("div");
        head.appendChild(el("span", "ref", r.ref));
        if (r.badge) draw(head, [r.badge]);
        if (r.reason) head.appendChild(drawn("span", "reason", r.reason));
        article.appendChild(head);
        article.appendChild(fields(r.fields));
        section.appendChild(article);
      });
      results.appendChild(section);
    });
  }
  function run(text) { show(JSON.parse(call(engine.oqs_answer, [text]))); }

  function fromLocation() {
    var q = new URLSearchParams(location.search).get("q");
    if (q === null && /^#[0-9]{3}$/.test(location.hash)) q = location.hash.slice(1);
    if (q !== null) input.value = q;
    run(input.value);
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
      status.textContent = "このブラウザではこのページを使えません（" + error + "）。Edge・Chrome・Firefox・Safari の新しい版でお開きください。";
      document.documentElement.dataset.ready = "1";
    });
})();
