"use strict";
// Finding rows by the words a caller says: the same folding, terms, callers' words,
// weights, ranking and nearest words as oqs_messages::fold and oqs_messages::search (the
// shared cases in tests/queries.json and tests/caller-sentences.json hold the two together). Also where each word stands in a text, for
// the page to mark it.
var OqsSearch = (function () {
  var MAX_WORDS = 8;
  var CAPACITY = 128;
  // The fold's tables, given by the page from oqs_messages_text::fold (setFold).
  var FOLD = null;
  var VOICED = new Map();
  var BLANKS = new Set();
  var PUNCTUATION = new Map();
  var PARTICLES = "のをがにでとはもへやか";
  var unseen = {};

  function setFold(data) {
    FOLD = data;
    VOICED = new Map(data.voiced.map(function (v) { return [v[0] + v[1], v[2]]; }));
    BLANKS = new Set(data.blanks);
    PUNCTUATION = new Map(data.punctuation);
  }
  function isBlank(ch) { return BLANKS.has(ch.codePointAt(0)); }
  function isKanji(ch) {
    var c = ch.codePointAt(0);
    return FOLD.kanji.some(function (range) { return c >= range[0] && c <= range[1]; });
  }
  function widen(ch) {
    var c = ch.codePointAt(0);
    if (c >= 0xFF01 && c <= 0xFF5E) return String.fromCodePoint(c - 0xFEE0);
    var kana = c - FOLD.halfWidthKanaStart;
    if (kana >= 0 && kana < FOLD.halfWidthKana.length) return FOLD.halfWidthKana[kana];
    return PUNCTUATION.get(c) || ch;
  }
  function katakana(ch) {
    var c = ch.codePointAt(0);
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309D || c === 0x309E) return String.fromCodePoint(c + 0x60);
    return ch;
  }
  function voiced(kana, mark) { return VOICED.get(kana + mark) || null; }
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
      if (isBlank(c) || unseen[c.codePointAt(0)] || c === FOLD.longVowel) continue;
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
      if (previous !== null && isKanji(previous) && FOLD.okurigana.indexOf(w.c) >= 0 && next !== null && isKanji(next)) continue;
      if (previous !== null && next !== null && FOLD.leftOutBetween.indexOf(previous + w.c + next) >= 0) continue;
      out.push(w);
    }
    return out;
  }
  function foldedText(text) { return fold(text).map(function (f) { return f.c; }).join(""); }
  // A word as it is looked for (as oqs_messages_text::fold::looked_for): folded, but a last
  // okurigana after a kanji, which a text leaves out where a kanji follows; null when too long.
  function needle(word) {
    var chars = fold(word).map(function (f) { return f.c; });
    if (chars.length > CAPACITY) return null;
    var n = chars.length;
    if (n >= 2 && isKanji(chars[n - 2]) && FOLD.okurigana.indexOf(chars[n - 1]) >= 0) chars.pop();
    return chars;
  }
  function lookedFor(word) { var chars = needle(word); return chars ? chars.join("") : ""; }
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

  function Words() { this.list = []; }
  Words.prototype.push = function (word) {
    if (this.list.length < MAX_WORDS && this.list.indexOf(word) < 0) this.list.push(word);
  };

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

  // As oqs_messages::search: field weights, BM25's k1, the most words searched for.
  var MAX_TERMS = 24;
  var SATURATION = 6;
  // The fields in the table's column order (as oqs_messages::search::Field::ALL), and their
  // weights, by place: a row's words are an Int32Array of one mask per field.
  var ALL_FIELDS = ["heading", "tags", "message", "kind", "cause", "remedy", "contact", "footnotes"];
  var FIELD_WEIGHT = [6, 6, 6, 4, 3, 3, 1, 1];
  var FIELDS = ALL_FIELDS.length;
  var callersWords = [];
  // log2(x / 2^16) in 1024ths, with the integer steps of oqs_messages::search (x * x stays
  // below 2^35: exact in a double).
  function log2q10(x) {
    var ONE = 65536;
    var result = 0;
    while (x >= 2 * ONE) { x = Math.floor(x / 2); result += 1024; }
    for (var bit = 512; bit > 0; bit = Math.floor(bit / 2)) {
      x = Math.floor(x * x / ONE);
      if (x >= 2 * ONE) { x = Math.floor(x / 2); result += bit; }
    }
    return result;
  }
  function weightOf(rows, total) {
    if (rows === 0) return 0;
    return log2q10(Math.floor((2 * total + 2) * 65536 / (2 * rows + 1)));
  }
  // Whether folded characters hold a needle's.
  function holdsChars(hay, chars) {
    if (!chars || chars.length === 0) return false;
    for (var i = 0; i + chars.length <= hay.length; i++) {
      var k = 0;
      while (k < chars.length && hay[i + k] === chars[k]) k++;
      if (k === chars.length) return true;
    }
    return false;
  }
  // The pairs of characters of a term within its runs of kanji or of katakana.
  function pairs(term) {
    var chars = Array.from(term);
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var kind = script(chars[i]);
      if ((kind === "kanji" || kind === "katakana") && script(chars[i + 1]) === kind) out.push(chars[i] + chars[i + 1]);
    }
    return out;
  }
  // The words a search looks for, in groups (as oqs_messages::search's Terms).
  function Terms() { this.texts = []; this.folded = []; this.origins = []; this.groupOf = []; this.groups = 0; this.weights = []; }
  Terms.prototype.has = function (word) { return this.folded.indexOf(foldedText(word)) >= 0; };
  Terms.prototype.hasRoom = function () { return this.texts.length < MAX_TERMS; };
  Terms.prototype.push = function (word, origin) {
    if (this.texts.length === MAX_TERMS) return false;
    var folded = foldedText(word);
    if (folded.length === 0 || this.folded.indexOf(folded) >= 0) return false;
    this.texts.push(word); this.folded.push(folded); this.origins.push(origin); this.groupOf.push(this.groups);
    return true;
  };
  Terms.prototype.close = function () {
    var n = this.texts.length;
    if (n > 0 && this.groupOf[n - 1] === this.groups) this.groups++;
  };

  // The rows of the table, and the texts the search reads from the index codegen wrote
  // (every text folded once, as oqs_messages::search reads them).
  function create(table, index) {
    var rows = [];
    // For each row, where its fields stand in index.texts, in ALL_FIELDS' order.
    var places = [];
    table.codes.forEach(function (code, c) {
      code.rows.forEach(function (row, i) {
        places.push(index.codes[c].concat(index.rows[rows.length]));
        rows.push({ code: code, row: row, ref: code.number + "-" + (i + 1) });
      });
    });
    // For each character of the folded texts, the texts that hold it, made when the page
    // loads: a word is looked for only in the texts that hold its rarest character.
    var holding = new Map();
    index.texts.forEach(function (text, t) {
      new Set(Array.from(text)).forEach(function (ch) {
        var list = holding.get(ch);
        if (!list) holding.set(ch, list = []);
        list.push(t);
      });
    });
    var NONE = [];
    function candidates(word) {
      var best = null;
      for (var ch of word) {
        var list = holding.get(ch) || NONE;
        if (best === null || list.length < best.length) best = list;
      }
      return best || NONE;
    }
    var texts = [];
    table.codes.forEach(function (code) { texts.push(code.heading, code.message); code.tags.forEach(function (t) { texts.push(t); }); });
    rows.forEach(function (r) { texts.push(r.row.kind, r.row.cause, r.row.remedy, r.row.contact); });
    table.footnotes.forEach(function (n) { texts.push(n.text); });
    // For each row, for each field, which words (bit i for the ith) it holds, from `from` on.
    function scan(terms, from, found) {
      var needles = terms.texts.slice(from).map(function (word) {
        var chars = needle(word);
        return chars && chars.length ? chars.join("") : null;
      });
      // Each text once (of those that hold the word's rarest character), then each field
      // by its place.
      var inText = new Int32Array(index.texts.length);
      needles.forEach(function (n, i) {
        if (n === null) return;
        var bit = 1 << (from + i);
        candidates(n).forEach(function (t) { if (index.texts[t].indexOf(n) >= 0) inText[t] |= bit; });
      });
      for (var at = 0; at < places.length; at++) {
        for (var k = 0; k < FIELDS; k++) found[at * FIELDS + k] |= inText[places[at][k]];
      }
    }
    // `found` holds, for each row, one mask per field (FIELDS of them, row after row).
    function rowMask(found, row) { var m = 0; for (var k = 0; k < FIELDS; k++) m |= found[row * FIELDS + k]; return m; }
    function rowMasks(found) { var masks = new Int32Array(rows.length); for (var r = 0; r < rows.length; r++) masks[r] = rowMask(found, r); return masks; }
    function groupMask(terms, words) {
      var m = 0;
      for (var t = 0; t < terms.texts.length; t++) if (words & (1 << t)) m |= 1 << terms.groupOf[t];
      return m;
    }
    function weigh(terms, found, scores) {
      // The words (bit i for the ith) of each group, once.
      var groupWords = [];
      for (var g = 0; g < terms.groups; g++) groupWords.push(0);
      terms.groupOf.forEach(function (group, t) { if (group < terms.groups) groupWords[group] |= 1 << t; });
      var masks = rowMasks(found);
      groupWords.forEach(function (words, g) {
        var holding = 0;
        for (var r = 0; r < masks.length; r++) if (masks[r] & words) holding++;
        terms.weights[g] = weightOf(holding, rows.length);
      });
      for (var row = 0; row < rows.length; row++) {
        var score = 0;
        if (masks[row] === 0) { scores[row] = 0; continue; }
        for (var g = 0; g < terms.groups; g++) {
          var words = groupWords[g];
          var frequency = 0;
          for (var k = 0; k < FIELDS; k++) if (found[row * FIELDS + k] & words) frequency += FIELD_WEIGHT[k];
          if (frequency === 0) continue;
          var groupScore = Math.floor(terms.weights[g] * frequency * (SATURATION + 1) / (frequency + SATURATION));
          var first = 0;
          while (!(words & (1 << first))) first++;
          if (terms.origins[first] === "part") groupScore = Math.floor(groupScore / 2);
          score += groupScore;
        }
        scores[row] = score;
      }
    }
    function emptyFound() {
      return new Int32Array(rows.length * FIELDS);
    }
    function byScore(order, scores) {
      return order.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    }
    function anywhere(found) { var m = 0; for (var r = 0; r < rows.length; r++) m |= rowMask(found, r); return m; }
    function asSentence(text) {
      var terms = new Terms();
      var found = emptyFound();
      var scores = [];
      var foldedQuery = truncated(text).join("");
      var callersFound = [];
      for (var c = 0; c < callersWords.length; c++) {
        if (callersFound.length === MAX_TERMS || !terms.hasRoom()) break;
        var callers = callersWords[c][0];
        if (foldedQuery.indexOf(callersWords[c][2]) < 0) continue;
        callersFound.push(callers);
        terms.push(callers, "term");
        callersWords[c][1].forEach(function (w) { terms.push(w, { callers: callers }); });
        terms.close();
      }
      function covered(term) {
        var termNeedle = needle(term);
        var termChars = truncated(term);
        return callersFound.some(function (callers) {
          return holdsChars(termChars, needle(callers)) || holdsChars(truncated(callers), termNeedle);
        });
      }
      var t = queryTerms(text);
      var own = new Words();
      t.strong.concat(t.weak).forEach(function (term) {
        if (covered(term) || !terms.hasRoom()) return;
        if (terms.push(term, "term")) own.push(term);
        terms.close();
      });
      scan(terms, 0, found);
      var seen = anywhere(found);
      var from = terms.texts.length;
      var unknown = new Words();
      own.list.forEach(function (term) {
        var at = terms.texts.indexOf(term);
        if (at < 0 || (seen & (1 << at))) return;
        var foundPart = false;
        if (t.strong.indexOf(term) >= 0) {
          var list = pairs(term);
          for (var p = 0; p < list.length; p++) {
            if (!terms.hasRoom()) break;
            if (terms.push(list[p], "part")) foundPart = true;
            terms.close();
          }
        }
        if (!foundPart) unknown.push(term);
      });
      if (terms.texts.length > from) {
        scan(terms, from, found);
        seen = anywhere(found);
        own.list.forEach(function (term) {
          var at = terms.texts.indexOf(term);
          if (at < 0 || (seen & (1 << at)) || unknown.list.indexOf(term) >= 0) return;
          var partFound = false;
          for (var i = from; i < terms.texts.length; i++) if ((seen & (1 << i)) && term.indexOf(terms.texts[i]) >= 0) partFound = true;
          if (!partFound) unknown.push(term);
        });
      }
      weigh(terms, found, scores);
      var order = [];
      scores.forEach(function (s, i) { if (s > 0) order.push(i); });
      byScore(order, scores);
      var best = order.length ? scores[order[0]] : 0;
      while (order.length && 2 * scores[order[order.length - 1]] < best) order.pop();
      return { terms: terms, found: found, scores: scores, order: order, split: true, unknown: unknown.list };
    }
    // A row found: where each word is, by field, as oqs_messages::search::TextMatch says it.
    function described(terms, found, scores, index) {
      var fields = found.subarray(index * FIELDS, (index + 1) * FIELDS);
      var words = {};
      ALL_FIELDS.forEach(function (f, k) {
        words[f] = terms.texts.filter(function (w, i) { return fields[k] & (1 << i); });
      });
      var rank = fields[0] ? "heading" : (fields[1] | fields[2]) ? "code_text" : "row_text";
      return { r: rows[index], rank: rank, score: scores[index], found: words };
    }
    // As oqs_messages::search::Search::new.
    function search(text) {
      var typed = blankSeparated(text);
      if (typed.length === 0) return null;
      var terms = new Terms();
      typed.forEach(function (word) {
        if (!terms.hasRoom()) return;
        terms.push(word, "typed");
        var looked = lookedFor(word);
        callersWords.forEach(function (entry) {
          if (entry[2] === looked) entry[1].forEach(function (w) { terms.push(w, { callers: entry[0] }); });
        });
        terms.close();
      });
      var found = emptyFound();
      var scores = [];
      scan(terms, 0, found);
      weigh(terms, found, scores);
      var all = (1 << terms.groups) - 1;
      var order = [];
      for (var r = 0; r < rows.length; r++) if (groupMask(terms, rowMask(found, r)) === all) order.push(r);
      var result = order.length
        ? { terms: terms, found: found, scores: scores, order: byScore(order, scores), split: false, unknown: [] }
        : asSentence(text);
      var takenFor = [];
      result.terms.origins.forEach(function (origin, i) {
        if (typeof origin === "object") takenFor.push([origin.callers, result.terms.texts[i]]);
      });
      return {
        typed: typed,
        words: result.terms.texts.slice(),
        split: result.split,
        unknown: result.unknown,
        takenFor: takenFor,
        matches: result.order.map(function (i) { return described(result.terms, result.found, result.scores, i); })
      };
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
    setFold: setFold,
    setCallersWords: function (list) { callersWords = list; },
    fold: foldedText,
    create: create,
    marks: marks
  };
})();
