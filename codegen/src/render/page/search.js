"use strict";
// Finding rows by the words a caller says: the same folding, terms, ranking and nearest
// words as oqs_messages::fold and oqs_messages::search (the shared cases in
// tests/queries.json hold the two together). Also where each word stands in a text, for
// the page to mark it.
var OqsSearch = (function () {
  var MAX_WORDS = 8;
  var CAPACITY = 128;
  var HALF_KANA = Array.from("ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン");
  var HALF_PUNCT = { 0xFF61: "。", 0xFF62: "「", 0xFF63: "」", 0xFF64: "、", 0xFF65: "・", 0x3000: " " };
  // Rust's char::is_whitespace (Unicode White_Space).
  var BLANK = /^[\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/u;
  var OKURIGANA = "イキギシジチヂヒビミリエケゲセゼネベメレ";
  var PARTICLES = "のをがにでとはもへやか";
  var unseen = {};

  function isBlank(ch) { return BLANK.test(ch); }
  function isKanji(ch) {
    var c = ch.codePointAt(0);
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c === 0x3005;
  }
  function widen(ch) {
    var c = ch.codePointAt(0);
    if (c >= 0xFF01 && c <= 0xFF5E) return String.fromCodePoint(c - 0xFEE0);
    if (c >= 0xFF66 && c <= 0xFF9D) return HALF_KANA[c - 0xFF66];
    if (c === 0xFF9E) return "\u3099";
    if (c === 0xFF9F) return "\u309A";
    return HALF_PUNCT[c] || ch;
  }
  function katakana(ch) {
    var c = ch.codePointAt(0);
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309D || c === 0x309E) return String.fromCodePoint(c + 0x60);
    return ch;
  }
  function voiced(kana, mark) {
    var n = kana.codePointAt(0);
    var half = n === 0x30CF || n === 0x30D2 || n === 0x30D5 || n === 0x30D8 || n === 0x30DB;
    var voiceable = (n >= 0x30AB && n <= 0x30C2 && n % 2 === 1) || n === 0x30C4 || n === 0x30C6 || n === 0x30C8 || half;
    if (mark === "\u3099" && voiceable) return String.fromCodePoint(n + 1);
    if (mark === "\u3099" && kana === "ウ") return "\u30F4";
    if (mark === "\u3099" && "ワヰヱヲ".indexOf(kana) >= 0) return String.fromCodePoint(n + 8);
    if (mark === "\u309A" && half) return String.fromCodePoint(n + 2);
    return null;
  }
  function isKatakanaLetter(ch) { var c = ch.codePointAt(0); return c >= 0x30A1 && c <= 0x30FA; }

  // The characters of a text as they are matched, each with where it came from in the
  // text: [{ c, start, end }] (UTF-16 offsets).
  function fold(text) {
    var raw = [];
    var at = 0;
    for (var ch of text) { raw.push({ ch: ch, start: at, end: at + ch.length }); at += ch.length; }
    var widened = [];
    for (var i = 0; i < raw.length; i++) {
      var c = widen(raw[i].ch);
      if (isBlank(c) || unseen[c.codePointAt(0)] || c === "ー") continue;
      c = katakana(c);
      if (isKatakanaLetter(c)) { widened.push({ c: c, start: raw[i].start, end: raw[i].end }); continue; }
      var lower = c.toLowerCase();
      Array.from(lower).forEach(function (l) { widened.push({ c: l, start: raw[i].start, end: raw[i].end }); });
    }
    var out = [];
    for (var j = 0; j < widened.length; j++) {
      var w = widened[j];
      // A kana and the voiced mark after it, with what is left out between them gone.
      if (isKatakanaLetter(w.c) && j + 1 < widened.length) {
        var composed = voiced(w.c, widened[j + 1].c);
        if (composed) { w = { c: composed, start: w.start, end: widened[j + 1].end }; j++; }
      }
      var previous = out.length ? out[out.length - 1].c : null;
      var next = j + 1 < widened.length ? widened[j + 1].c : null;
      if (previous !== null && isKanji(previous)) {
        if (OKURIGANA.indexOf(w.c) >= 0 && next !== null && isKanji(next)) continue;
        if (w.c === "ワ" && previous === "合" && next === "セ") continue;
      }
      out.push(w);
    }
    return out;
  }
  function foldedText(text) { return fold(text).map(function (f) { return f.c; }).join(""); }
  function needle(word) {
    var chars = fold(word).map(function (f) { return f.c; });
    return chars.length > CAPACITY ? null : chars;
  }
  // A word's folded characters, at most CAPACITY of them (for comparing, not matching).
  function truncated(word) { return fold(word).slice(0, CAPACITY).map(function (f) { return f.c; }); }
  // The table's texts are folded once each, as the person types.
  var folds = new Map();
  function foldOnce(text) {
    var folded = folds.get(text);
    if (!folded) { folded = fold(text); folds.set(text, folded); }
    return folded;
  }
  // Where a word stands in a text: [[start, end]] of the text, each occurrence.
  function occurrences(chars, text) {
    if (!chars || chars.length === 0) return [];
    var hay = foldOnce(text);
    var found = [];
    for (var i = 0; i + chars.length <= hay.length; i++) {
      var k = 0;
      while (k < chars.length && hay[i + k].c === chars[k]) k++;
      if (k === chars.length) { found.push([hay[i].start, hay[i + k - 1].end]); i += k - 1; }
    }
    return found;
  }
  function isIn(chars, text) { return occurrences(chars, text).length > 0; }

  function Words() { this.list = []; }
  Words.prototype.push = function (word) {
    if (this.list.length < MAX_WORDS && this.list.indexOf(word) < 0) this.list.push(word);
  };
  function sameList(a, b) { return a.length === b.length && a.every(function (w, i) { return w === b[i]; }); }

  function blankSeparated(text) {
    var words = new Words();
    var word = "";
    var flush = function () { var n = needle(word); if (n === null || n.length > 0) words.push(word); word = ""; };
    for (var ch of text) { if (isBlank(widen(ch))) flush(); else word += ch; }
    flush();
    return words.list.filter(function (w) { return w !== ""; });
  }
  function script(ch) {
    var c = widen(ch);
    var n = c.codePointAt(0);
    if (isKanji(c)) return "kanji";
    if ((n >= 0x30A1 && n <= 0x30FA) || c === "ー" || n === 0x30FD || n === 0x30FE) return "katakana";
    if ((n >= 0x3041 && n <= 0x3096) || n === 0x309D || n === 0x309E) return "hiragana";
    if (/^[0-9A-Za-z]$/.test(c)) return "latin";
    return "other";
  }
  // The terms of a text, as oqs_messages::search::terms gives them.
  function terms(text) {
    var chars = Array.from(text);
    var found = [];
    var i = 0;
    while (i < chars.length) {
      var kind = script(chars[i]);
      if (kind !== "kanji" && kind !== "katakana" && kind !== "latin") { i++; continue; }
      var j = i + 1;
      while (j < chars.length) {
        var here = script(chars[j]);
        if (here === kind) { j++; continue; }
        if (kind === "kanji" && here === "hiragana" && PARTICLES.indexOf(chars[j]) < 0) {
          var kana = 0;
          while (j + kana < chars.length && script(chars[j + kana]) === "hiragana") kana++;
          if (kana <= 2 && j + kana < chars.length && script(chars[j + kana]) === "kanji") { j += kana; continue; }
        }
        break;
      }
      found.push(chars.slice(i, j).join(""));
      i = j;
    }
    return found;
  }
  function hiraganaRuns(text) {
    var runs = [];
    var run = "";
    var flush = function () { if (Array.from(run).filter(function (c) { return c !== "ー"; }).length >= 2) runs.push(run); run = ""; };
    for (var ch of text) { if (script(ch) === "hiragana" || ch === "ー") run += ch; else flush(); }
    flush();
    return runs;
  }
  function queryTerms(text) {
    var strong = new Words();
    var weak = new Words();
    terms(text).forEach(function (term) {
      var chars = Array.from(term);
      if (chars.length >= 2) strong.push(term);
      else if (chars.every(isKanji)) weak.push(term);
    });
    if (strong.list.length === 0) hiraganaRuns(text).forEach(function (run) { weak.push(run); });
    return { strong: strong.list, weak: weak.list };
  }

  function create(table) {
    var rows = [];
    table.codes.forEach(function (code) {
      code.rows.forEach(function (row, i) { rows.push({ code: code, row: row, ref: code.number + "-" + (i + 1) }); });
    });
    var texts = [];
    table.codes.forEach(function (code) { texts.push(code.heading, code.message); code.tags.forEach(function (t) { texts.push(t); }); });
    rows.forEach(function (r) { texts.push(r.row.kind, r.row.cause, r.row.remedy, r.row.contact); });
    table.footnotes.forEach(function (n) { texts.push(n.text); });
    function cited(code, row) {
      return table.footnotes.filter(function (n) { return row.footnotes.indexOf(n.number) >= 0 || code.footnotes.indexOf(n.number) >= 0; });
    }
    function inTable(word) { var n = needle(word); return texts.some(function (t) { return isIn(n, t); }); }
    var CODE_FIELDS = ["heading", "tags", "message"];
    var ROW_FIELDS = ["kind", "cause", "remedy", "contact", "footnotes"];
    function fieldTexts(field, code, row) {
      if (field === "heading") return [code.heading];
      if (field === "tags") return code.tags;
      if (field === "message") return [code.message];
      if (field === "footnotes") return cited(code, row).map(function (n) { return n.text; });
      return [row[field]];
    }
    function foundIn(words, code, row) {
      var found = {};
      var fields = row ? ROW_FIELDS : CODE_FIELDS;
      fields.forEach(function (f) { found[f] = []; });
      words.forEach(function (word) {
        var n = needle(word);
        fields.forEach(function (f) {
          if (fieldTexts(f, code, row).some(function (t) { return isIn(n, t); })) found[f].push(word);
        });
      });
      return found;
    }
    // Every row that holds all the words, best ranked first.
    function matches(words) {
      var out = [];
      ["heading", "code_text", "row_text"].forEach(function (rank) {
        table.codes.forEach(function (code) {
          var codeFound = foundIn(words, code, null);
          var codeRank = codeFound.heading.length ? "heading" : (codeFound.message.length || codeFound.tags.length) ? "code_text" : "row_text";
          if (codeRank !== rank) return;
          rows.filter(function (r) { return r.code === code; }).forEach(function (r) {
            var found = foundIn(words, code, r.row);
            CODE_FIELDS.forEach(function (f) { found[f] = codeFound[f]; });
            var all = words.every(function (w) { return Object.keys(found).some(function (f) { return found[f].indexOf(w) >= 0; }); });
            if (all) out.push({ r: r, rank: rank, found: found });
          });
        });
      });
      return out;
    }
    // As oqs_messages::search::Search::new.
    function search(text) {
      var words = blankSeparated(text);
      if (words.length === 0) return null;
      var typed = matches(words);
      if (typed.length) return { words: words, split: false, unknown: [], matches: typed };
      var t = queryTerms(text);
      var known = new Words();
      var knownStrong = new Words();
      var unknownWords = new Words();
      t.strong.concat(t.weak).forEach(function (term) {
        if (!inTable(term)) { unknownWords.push(term); return; }
        known.push(term);
        if (t.strong.indexOf(term) >= 0) knownStrong.push(term);
      });
      var tries = [known.list, knownStrong.list];
      for (var i = 0; i < tries.length; i++) {
        if (tries[i].length === 0 || sameList(tries[i], words)) continue;
        var found = matches(tries[i]);
        if (found.length) return { words: tries[i], split: true, unknown: unknownWords.list, matches: found };
      }
      // Nothing found: the terms, when there are any, are what to offer near words for.
      var all = new Words();
      t.strong.forEach(function (w) { all.push(w); });
      t.weak.forEach(function (w) { all.push(w); });
      var searched = all.list.length ? all.list : words;
      return { words: searched, split: !sameList(searched, words), unknown: unknownWords.list, matches: [] };
    }
    // As oqs_messages::search::Search::nearest_words: Levenshtein over folded characters.
    function similarity(a, termText) {
      var b = truncated(termText);
      if (a.length === 0 || b.length === 0) return 0;
      var row = [];
      for (var j = 0; j <= b.length; j++) row.push(j);
      for (var i = 0; i < a.length; i++) {
        var diagonal = row[0];
        row[0] = i + 1;
        for (var k = 0; k < b.length; k++) {
          var above = row[k + 1];
          row[k + 1] = Math.min(above + 1, row[k] + 1, diagonal + (a[i] === b[k] ? 0 : 1));
          diagonal = above;
        }
      }
      var longer = Math.max(a.length, b.length);
      return 1000 - Math.floor(1000 * Math.min(row[b.length], longer) / longer);
    }
    function nearestWords(words) {
      var best = [];
      for (var s = 0; s < 5; s++) best.push(["", 0]);
      var offer = function (term, score) {
        if (score < 500) return;
        var folded = foldedText(term);
        var i = best.findIndex(function (b) { return foldedText(b[0]) === folded; });
        if (i >= 0) {
          if (best[i][1] >= score) return;
          best[i] = ["", 0];
        }
        var at = best.findIndex(function (b) { return b[0] === "" || b[1] < score; });
        if (at >= 0) { best.splice(at, 0, [term, score]); best.length = 5; }
        var kept = best.filter(function (b) { return b[0] !== ""; });
        while (kept.length < 5) kept.push(["", 0]);
        best = kept;
      };
      words.forEach(function (word) {
        var n = truncated(word);
        texts.forEach(function (text) { terms(text).forEach(function (term) { offer(term, similarity(n, term)); }); });
      });
      return best.filter(function (b) { return b[0] !== ""; }).map(function (b) { return b[0]; });
    }
    return { search: search, nearestWords: nearestWords };
  }

  // Where words stand in a text, merged: [[start, end]] in order.
  function marks(words, text) {
    var ranges = [];
    words.forEach(function (word) { ranges = ranges.concat(occurrences(needle(word), text)); });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  return {
    setUnseen: function (codePoints) { codePoints.forEach(function (c) { unseen[c] = true; }); },
    fold: foldedText,
    create: create,
    marks: marks
  };
})();
