"use strict";
(function () {
  var TABLE = JSON.parse(document.getElementById("table-data").textContent);
  var ROWS = [];
  TABLE.codes.forEach(function (code) {
    code.rows.forEach(function (row, i) {
      ROWS.push({ code: code, row: row, ref: code.number + "-" + (i + 1) });
    });
  });

  // The history over the versions of spec/: what the newest version added, and what it
  // no longer lists (withdrawn), with the texts those last had.
  var HISTORY = TABLE.history || { versions: [TABLE.version], codes: [], message_ids: [], withdrawn_codes: [], withdrawn_ids: [], rows_added: [] };
  var NEWEST = HISTORY.versions[HISTORY.versions.length - 1];
  var PREVIOUS = HISTORY.versions.length > 1 ? HISTORY.versions[HISTORY.versions.length - 2] : null;
  function idKey(id) { return typeof id === "string" ? id : id.start + "～" + id.end; }
  function addedNow(listedIn) { return PREVIOUS !== null && listedIn.indexOf(NEWEST) >= 0 && listedIn.indexOf(PREVIOUS) < 0; }
  var ADDED_CODES = {}, ADDED_IDS = {}, ADDED_ROWS = {};
  HISTORY.codes.forEach(function (c) { if (addedNow(c.listed_in)) ADDED_CODES[c.number] = true; });
  HISTORY.message_ids.forEach(function (l) { if (addedNow(l.listed_in)) ADDED_IDS[idKey(l.id)] = true; });
  HISTORY.rows_added.forEach(function (p) { ADDED_ROWS[p.code + "-" + p.row] = true; });
  // A withdrawn code's rows, as the rows of the table are held.
  function withdrawnCodeRows(w) {
    return w.entry.rows.map(function (row, i) {
      return { code: w.entry, row: row, ref: w.entry.number + "-" + (i + 1), footnotes: w.footnotes, withdrawn: w };
    });
  }
  function withdrawnIdRows(w) {
    return w.rows.map(function (old) {
      var code = { number: old.code, heading: old.heading, tags: [], message: null, footnotes: [] };
      return { code: code, row: old.row, ref: old.code + "-" + old.number, footnotes: w.footnotes, withdrawn: w };
    });
  }
  function withdrawnCode(n) { return HISTORY.withdrawn_codes.find(function (w) { return Number(w.entry.number) === n; }) || null; }
  function withdrawnId(v) {
    return HISTORY.withdrawn_ids.find(function (w) { return typeof w.id === "string" && idValue(w.id) === v; })
      || HISTORY.withdrawn_ids.find(function (w) { return typeof w.id !== "string" && idValue(w.id.start) <= v && v <= idValue(w.id.end); })
      || null;
  }
  function withdrawnText(what, w) {
    return what + " は " + w.removed_in + " 版で削除されました。" + w.last_version + " 版までの内容です。";
  }

  // Reading a query: the same rules as oqs_messages::Query::parse.
  function fold(text) {
    var out = "";
    for (var ch of text) {
      var c = ch.codePointAt(0);
      if (c >= 0xFF01 && c <= 0xFF5E) out += String.fromCodePoint(c - 0xFEE0);
      else if (c === 0x3000) out += " ";
      else out += ch;
    }
    return out;
  }
  function isBlank(ch) { return /^\s$/u.test(ch); }
  var HEX8 = /^(?:0[xX])?([0-9A-Fa-f]{8})$/;
  function tokenValue(token) {
    if (token.length > 10) return null;
    var m = HEX8.exec(token);
    return m ? parseInt(m[1], 16) : null;
  }
  function tokenCode(token) { return /^[0-9]{3}$/.test(token) ? parseInt(token, 10) : null; }
  function portalNumber(text) {
    var rest = null;
    var at = text.indexOf("マイナポータル");
    var trimmed = text.replace(/^[\s\u3000-]+/u, "");
    if (at >= 0) rest = text.slice(at + "マイナポータル".length);
    else if (trimmed.slice(0, 6).toLowerCase() === "portal") rest = trimmed.slice(6);
    else return null;
    var m = /[0-9]+/.exec(fold(rest));
    if (!m || m[0].length > 3) return { error: "unrecognized" };
    return { portal: parseInt(m[0], 10) };
  }
  function screenCode(folded) {
    var at = folded.indexOf("【");
    if (at < 0) return null;
    var m = /^([0-9]*)([\s\S])/u.exec(folded.slice(at + 1));
    if (!m || m[2] !== ":" || m[1].length !== 3) return null;
    return parseInt(m[1], 10);
  }
  // Reading a log line: the same rules as oqs_messages::query::candidates, with the same
  // word lists (oqs_messages_text::log_words, given by codegen).
  var LOG_WORDS = JSON.parse(document.getElementById("log-words-data").textContent);
  var BRACKETED = 0, BARE = 1, MARKED = 2;
  function best() {
    return {
      found: null, strength: -1, several: false,
      offer: function (strength, v) {
        if (strength < this.strength) return;
        if (strength === this.strength) { if (this.found !== v) this.several = true; return; }
        this.found = v; this.strength = strength; this.several = false;
      }
    };
  }
  function isWordChar(ch) { return /^[0-9A-Za-z]$/.test(ch); }
  function gap(chars, at) {
    var g = { first: "", last: "", chars: 0, blank: true, keyed: false };
    for (var i = at; i < chars.length && !isWordChar(chars[i]); i++) {
      var c = chars[i];
      if (g.chars === 0) { g.first = c; g.keyed = c === "=" || c === ":"; }
      else g.keyed = g.keyed && (c === " " || c === "\"" || c === "'");
      g.last = c; g.chars++; g.blank = g.blank && isBlank(c);
    }
    return g;
  }
  function is(g, c) { return g.chars === 1 && g.first === c; }
  function logWords(folded) {
    var chars = Array.from(folded), words = [], i = 0;
    while (i < chars.length) {
      var before = gap(chars, i);
      i += before.chars;
      if (i >= chars.length) break;
      var start = i;
      while (i < chars.length && isWordChar(chars[i])) i++;
      words.push({ text: chars.slice(start, i).join(""), before: before, after: gap(chars, i) });
    }
    return words;
  }
  function oneOf(text, list) { var t = text.toLowerCase(); return list.indexOf(t) >= 0; }
  function digitsOnly(text) { return text.length > 0 && text.length <= 10 && /^[0-9]+$/.test(text); }
  function compactDate(text) {
    if (!/^[0-9]{8}$/.test(text)) return false;
    var y = +text.slice(0, 4), m = +text.slice(4, 6), d = +text.slice(6, 8);
    return y >= 1990 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  }
  function classify(prev, prevClass, word, next) {
    var t = word.text, digits = digitsOnly(t);
    var prevDigits = prev !== null && digitsOnly(prev.text), nextDigits = next !== null && digitsOnly(next.text);
    if (digits) {
      if ((is(word.before, ":") && prevDigits) || (is(word.after, ":") && nextDigits)) return { time: true };
      if (prevClass && prevClass.time && (is(word.before, ".") || (is(word.before, ",") && word.after.first !== ","))) return null;
      if ((is(word.before, ".") && prevDigits) || (is(word.after, ".") && nextDigits)) return null;
      if (compactDate(t)) return null;
      if (LOG_WORDS.unit_chars.indexOf(word.after.first) >= 0) return null;
      if (word.after.blank && word.after.chars > 0 && next !== null && oneOf(next.text, LOG_WORDS.units)) return null;
      if (word.before.last === "#") return null;
    }
    var shape = function () {
      var v = tokenValue(t);
      if (v !== null) return { value: v, strength: /^0[xX]/.test(t) ? MARKED : BARE };
      var c = tokenCode(t);
      return c !== null ? { code: c, strength: BARE } : null;
    };
    if (prev !== null) {
      if (word.before.keyed) {
        if (oneOf(prev.text, LOG_WORDS.code_keys) && digits && t.length <= 3) return { code: parseInt(t, 10), strength: MARKED };
        if (oneOf(prev.text, LOG_WORDS.id_keys)) { var v = tokenValue(t); return v !== null ? { value: v, strength: MARKED } : null; }
        if (oneOf(prev.text, LOG_WORDS.other_keys) || prev.before.last === ".") return null;
      }
      if ((word.before.blank || is(word.before, "-")) && word.before.chars > 0 && oneOf(prev.text, LOG_WORDS.other_keys)) return null;
    }
    var found = shape();
    if (found && found.strength === BARE && "[(<".indexOf(word.before.last) >= 0 && word.before.last !== ""
        && "])>".indexOf(word.after.first) >= 0 && word.after.first !== "") found.strength = BRACKETED;
    return found;
  }
  // Every part of a (folded) text that may be a code or an ID: { text, code | value, strength }.
  function candidates(folded) {
    var words = logWords(folded), found = [], prevClass = null;
    words.forEach(function (word, i) {
      var c = classify(i > 0 ? words[i - 1] : null, prevClass, word, i + 1 < words.length ? words[i + 1] : null);
      prevClass = c;
      if (c && !c.time) { c.text = word.text; found.push(c); }
    });
    return found;
  }
  function parseQuery(text) {
    var folded = fold(text);
    var chars = Array.from(folded);
    if (chars.every(isBlank)) return { error: "empty" };
    var portal = portalNumber(text);
    if (portal) return portal;
    var compact = chars.filter(function (c) { return !isBlank(c); }).join("");
    if (/^[0-9]{1,3}$/.test(compact)) return { code: parseInt(compact, 10) };
    if (/^[0-9A-Za-z]+$/.test(compact)) {
      var whole = tokenValue(compact);
      if (whole !== null) return { value: whole };
    }
    var code = best();
    var value = best();
    var screen = screenCode(folded);
    if (screen !== null) code.offer(MARKED, screen);
    var found = candidates(folded);
    found.forEach(function (c) { (c.code !== undefined ? code : value).offer(c.strength, c.code !== undefined ? c.code : c.value); });
    if (code.several || value.several) return { error: "several", candidates: found };
    code = code.found; value = value.found;
    if (code === null && value === null) return { error: "unrecognized" };
    var q = {};
    if (code !== null) q.code = code;
    if (value !== null) q.value = value;
    return q;
  }

  // Answering: the same rows as explain, in the same order.
  function pad3(n) { return ("00" + n).slice(-3); }
  function hex(v) { return "0x" + ("0000000" + v.toString(16).toUpperCase()).slice(-8); }
  function idValue(text) { return parseInt(text.slice(2), 16); }
  function byValue(v) {
    var found = [];
    ROWS.forEach(function (r) {
      var exact = r.row.message_ids.some(function (id) { return typeof id === "string" && idValue(id) === v; });
      if (exact) { found.push({ r: r, reason: "メッセージID " + hex(v) }); return; }
      r.row.message_ids.forEach(function (id) {
        if (typeof id !== "string" && idValue(id.start) <= v && v <= idValue(id.end) && !found.some(function (f) { return f.r === r; })) {
          found.push({ r: r, reason: "メッセージIDの範囲 " + id.start + "～" + id.end + " に含まれる" });
        }
      });
    });
    ROWS.forEach(function (r) {
      (r.row.details || []).forEach(function (d) {
        if (d.kind === "received_code" && idValue(d.code) === v) {
          found.push({ r: r, reason: "原因に記載のエラーコード " + "0x" + d.code.slice(2).toLowerCase() + "：" + d.text });
        }
      });
    });
    return found;
  }
  function listsValue(row, v) {
    return row.message_ids.some(function (id) { return typeof id === "string" ? idValue(id) === v : idValue(id.start) <= v && v <= idValue(id.end); });
  }
  function codeEntry(n) { return TABLE.codes.find(function (c) { return Number(c.number) === n; }) || null; }
  function nearestCodes(n) {
    return TABLE.codes.slice().sort(function (a, b) {
      return (Math.abs(Number(a.number) - n) - Math.abs(Number(b.number) - n)) || (Number(a.number) - Number(b.number));
    }).slice(0, 3);
  }
  function portalRows(n) {
    var rows = [];
    ROWS.forEach(function (r) {
      (r.row.details || []).forEach(function (d) {
        if (d.kind === "portal_error" && d.first <= n && n <= d.last) {
          var shown = d.first === d.last ? pad3(d.first) : pad3(d.first) + "~" + pad3(d.last);
          rows.push({ r: r, reason: "原因に記載のマイナポータルのエラーコード " + shown + "：" + d.text });
        }
      });
    });
    return rows;
  }
  function answer(q) {
    if (q.portal !== undefined) {
      return { rows: portalRows(q.portal), none: "マイナポータルのエラーコード " + pad3(q.portal) + " はこの表にありません。" };
    }
    if (q.value === undefined) {
      // A number alone: the code on the screen, and a マイナポータル error code under 010 if
      // the table lists one, each said for what it is.
      var rows = ROWS.filter(function (r) { return Number(r.code.number) === q.code; })
        .map(function (r) { return { r: r, reason: null }; })
        .concat(portalRows(q.code));
      // A code this version no longer lists: its last rows, then any マイナポータル rows.
      var gone = codeEntry(q.code) ? null : withdrawnCode(q.code);
      if (gone) {
        return { rows: withdrawnCodeRows(gone).map(function (r) { return { r: r, reason: null }; }).concat(rows), withdrawn: withdrawnText("コード " + pad3(q.code), gone) };
      }
      return { rows: rows, none: "コード " + pad3(q.code) + " はこの表にありません。", near: nearestCodes(q.code) };
    }
    if (!codeEntry(q.code) && q.code !== undefined) {
      var goneCode = withdrawnCode(q.code);
      if (goneCode) {
        var listing = withdrawnCodeRows(goneCode).filter(function (r) { return listsValue(r.row, q.value); });
        if (listing.length) {
          return { rows: listing.map(function (r) { return { r: r, reason: null }; }), withdrawn: withdrawnText("コード " + pad3(q.code), goneCode) };
        }
      }
      return { rows: [], none: "コード " + pad3(q.code) + " はこの表にありません。", near: nearestCodes(q.code) };
    }
    var found = byValue(q.value);
    var goneId = found.length ? null : withdrawnId(q.value);
    if (goneId) {
      var old = withdrawnIdRows(goneId).filter(function (r) { return q.code === undefined || Number(r.code.number) === q.code; });
      if (old.length) {
        return { rows: old.map(function (r) { return { r: r, reason: null }; }), withdrawn: withdrawnText(hex(q.value), goneId) };
      }
    }
    if (q.code !== undefined) {
      found = found.filter(function (f) { return Number(f.r.code.number) === q.code; });
      return { rows: found, none: "コード " + pad3(q.code) + " に " + hex(q.value) + " の行はありません。", near: [codeEntry(q.code)] };
    }
    return { rows: found, none: hex(q.value) + " はこの表のメッセージIDにも、原因に記載のエラーコードにもありません。" };
  }

  // Showing. A character no one can see (oqs_messages::unseen) is shown as a marked
  // symbol that names it, never as nothing.
  var UNSEEN = {};
  JSON.parse(document.getElementById("unseen-data").textContent).forEach(function (u) {
    UNSEEN[u[0]] = { name: u[1], kind: u[2] };
  });
  OqsSearch.setUnseen(Object.keys(UNSEEN).map(Number));
  OqsSearch.setFold(JSON.parse(document.getElementById("fold-data").textContent));
  OqsSearch.setCallersWords(JSON.parse(document.getElementById("callers-words-data").textContent));
  var WORDS = OqsSearch.create(TABLE, JSON.parse(document.getElementById("search-index-data").textContent));
  function hex4(cp) { return ("000" + cp.toString(16).toUpperCase()).slice(-4); }
  function unseenSymbol(cp) {
    if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
    if (cp === 0x7f) return "\u2421";
    return "U+" + hex4(cp);
  }
  function appendText(parent, text) {
    var plain = "";
    Array.from(text).forEach(function (ch) {
      var cp = ch.codePointAt(0);
      var u = UNSEEN[cp];
      if (!u) { plain += ch; return; }
      if (plain) { parent.appendChild(document.createTextNode(plain)); plain = ""; }
      var mark = document.createElement("span");
      mark.className = "unseen " + u.kind;
      mark.title = "U+" + hex4(cp) + " " + u.name;
      mark.textContent = unseenSymbol(cp);
      parent.appendChild(mark);
    });
    if (plain) parent.appendChild(document.createTextNode(plain));
  }
  // A text with the words found in it marked (<mark>), every unseen character shown.
  function appendMarked(parent, text, words) {
    var at = 0;
    OqsSearch.marks(words || [], text).forEach(function (range) {
      appendText(parent, text.slice(at, range[0]));
      var mark = document.createElement("mark");
      appendText(mark, text.slice(range[0], range[1]));
      parent.appendChild(mark);
      at = range[1];
    });
    appendText(parent, text.slice(at));
  }
  function el(tag, cls, text, words) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) appendMarked(e, text, words);
    return e;
  }
  // The IDs, one a line, each marked when the newest version added it.
  function idsField(dl, ids, current) {
    dl.appendChild(el("dt", null, "メッセージID"));
    var dd = el("dd", "ids");
    if (ids.length === 0) appendText(dd, "-");
    ids.forEach(function (id, i) {
      if (i > 0) dd.appendChild(document.createTextNode("\n"));
      appendText(dd, typeof id === "string" ? id : id.start + "～" + id.end);
      if (current && ADDED_IDS[idKey(id)]) dd.appendChild(el("span", "badge added", NEWEST + " 版で追加"));
    });
    dl.appendChild(dd);
  }
  function field(dl, label, text, cls, words) {
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", cls || null, text, words));
  }
  function footnotesOf(code, row, own) {
    return (own || TABLE.footnotes).filter(function (n) { return row.footnotes.indexOf(n.number) >= 0 || code.footnotes.indexOf(n.number) >= 0; });
  }
  function show(items) {
    var results = document.getElementById("results");
    results.textContent = "";
    var section = null;
    var current = null;
    items.forEach(function (item) {
      var code = item.r.code;
      var found = item.found || {};
      if (code !== current) {
        current = code;
        section = el("section", "code");
        section.id = code.number;
        var h2 = el("h2");
        h2.appendChild(el("span", "number", code.number));
        h2.appendChild(el("span", "heading", code.heading, found.heading));
        h2.appendChild(el("span", "tags", code.tags.map(function (t) { return "【" + t + "】"; }).join(""), found.tags));
        if (item.r.withdrawn) {
          section.className += " withdrawn";
          h2.appendChild(el("span", "badge withdrawn", item.r.withdrawn.removed_in + " 版で削除"));
        } else if (ADDED_CODES[code.number]) {
          h2.appendChild(el("span", "badge added", NEWEST + " 版で追加"));
        }
        section.appendChild(h2);
        if (code.message !== null) {
          var message = el("dl", "message");
          field(message, "メッセージ内容", code.message, null, found.message);
          section.appendChild(message);
        }
        results.appendChild(section);
      }
      var article = el("article", "row");
      article.dataset.row = item.r.ref;
      var head = el("div");
      head.appendChild(el("span", "ref", item.r.ref));
      if (!item.r.withdrawn && ADDED_ROWS[item.r.ref]) head.appendChild(el("span", "badge added", NEWEST + " 版で追加"));
      if (item.reason) head.appendChild(el("span", "reason", "一致: " + item.reason));
      article.appendChild(head);
      var dl = el("dl");
      field(dl, "エラー種別", item.r.row.kind, null, found.kind);
      idsField(dl, item.r.row.message_ids, !item.r.withdrawn);
      field(dl, "原因", item.r.row.cause, null, found.cause);
      field(dl, "対処", item.r.row.remedy, null, found.remedy);
      field(dl, "問合せ先", item.r.row.contact, null, found.contact);
      footnotesOf(code, item.r.row, item.r.footnotes).forEach(function (n) { field(dl, n.marker, n.text, null, found.footnotes); });
      article.appendChild(dl);
      section.appendChild(article);
    });
  }
  // Where the words are, as explain says it: 見出し: 暗証番号; 原因・対処: 暗証番号, ロック.
  var LABELS = { heading: "見出し", tags: "区分", message: "メッセージ内容", kind: "エラー種別", cause: "原因", remedy: "対処", contact: "問合せ先", footnotes: "注記" };
  var FIELDS = ["heading", "tags", "message", "kind", "cause", "remedy", "contact", "footnotes"];
  // The callers' words read as the table's: 「PIN → 暗証番号」, joined by `joiner`.
  function readAs(takenFor, joiner) {
    return takenFor.map(function (p) { return p[0] + " → " + p[1]; }).join(joiner);
  }
  function foundText(found, split, unknown, takenFor) {
    var groups = [];
    FIELDS.forEach(function (f) {
      var words = found[f] || [];
      if (!words.length) return;
      var same = groups.find(function (g) { return g.words.join("\u0000") === words.join("\u0000"); });
      if (same) same.fields.push(LABELS[f]); else groups.push({ fields: [LABELS[f]], words: words });
    });
    var text = groups.map(function (g) { return g.fields.join("・") + ": " + g.words.join(", "); }).join("; ");
    var pairs = readAs(takenFor, ", ");
    if (split) {
      text += "（入力された文を語に分けて検索";
      if (takenFor.length) text += "。読み替え: " + pairs;
      if (unknown.length) text += "。表にない語: " + unknown.join(", ");
      text += "）";
    } else if (takenFor.length) {
      text += "（読み替え: " + pairs + "）";
    }
    return text;
  }
  function quoted(words) { return words.map(function (w) { return "「" + w + "」"; }).join(""); }
  function runWords(text, status) {
    var s = WORDS.search(text);
    if (!s) { show([]); status.className = "none"; setStatus(status, MESSAGES.empty); return; }
    show(s.matches.map(function (m) {
      return { r: m.r, found: m.found, reason: foundText(m.found, s.split, s.unknown, s.takenFor) };
    }));
    if (s.matches.length && !s.split) {
      setStatus(status, quoted(s.typed) + " をすべて含む行: " + s.matches.length + " 件（" + TABLE.version + " 版"
        + (s.takenFor.length ? "。" + s.takenFor.map(function (p) { return p[0] + " は " + p[1]; }).join("、") + " でも探しました" : "") + "）");
      return;
    }
    if (s.matches.length) {
      setStatus(status, "入力された文の語で探した行: " + s.matches.length + " 件（" + TABLE.version + " 版、よく当たる順）"
        + (s.takenFor.length ? "。読み替え: " + readAs(s.takenFor, "、") : "")
        + (s.unknown.length ? "。表にない語: " + s.unknown.join("、") : ""));
      return;
    }
    status.className = "none";
    setStatus(status, "該当なし: " + quoted(s.words) + " を含む行はこの表にありません。");
    var near = WORDS.nearestWords(s.words);
    if (near.length) {
      var span = el("span", "near", " 近い語: ");
      near.forEach(function (word) {
        var button = el("button", null, word);
        button.type = "button";
        button.addEventListener("click", function () { input.value = word; input.dispatchEvent(new Event("input")); });
        span.appendChild(button);
      });
      status.appendChild(span);
    }
    status.appendChild(el("span", null, " コード（例 015）やメッセージID（例 0x04000011）でも探せます。"));
  }
  function setStatus(status, text) { status.textContent = ""; appendText(status, text); }
  var MESSAGES = {
    empty: "",
    unrecognized: "コード（3桁の数字、例 015）もメッセージID（0x と16進8桁、例 0x04000011）も見つかりません。",
    several: "コードまたはメッセージIDが複数あります。コード1つとメッセージID1つまでにしてください。"
  };
  function run(text) {
    var status = document.getElementById("status");
    status.className = "";
    var q = parseQuery(text);
    if (q.error === "empty") {
      show(ROWS.map(function (r) { return { r: r, reason: null }; }));
      status.textContent = "表の全体: コード " + TABLE.codes.length + " 件、行 " + ROWS.length + " 件（" + TABLE.version + " 版）";
      return;
    }
    if (q.error === "unrecognized") {
      runWords(text, status);
      return;
    }
    if (q.error) {
      show([]);
      status.className = "none";
      status.textContent = MESSAGES[q.error];
      // Which parts of a log line were taken for codes and IDs: explain says the same.
      if (q.candidates) {
        status.textContent += "（読み取り: " + q.candidates.map(function (c) {
          return c.text + " → " + (c.code !== undefined ? "コード" : "メッセージID");
        }).join("、") + "）";
      }
      return;
    }
    var a = answer(q);
    show(a.rows);
    if (a.withdrawn) {
      status.className = "withdrawn";
      status.textContent = a.withdrawn;
    } else if (a.rows.length === 0) {
      status.className = "none";
      var near = (a.near || []).filter(Boolean).map(function (c) { return c.number + " " + c.heading; });
      status.textContent = "該当なし: " + a.none + (near.length ? " 近いコード: " + near.join("、") : "");
    } else {
      var read = [];
      if (q.code !== undefined) read.push("コード " + pad3(q.code));
      if (q.value !== undefined) read.push("ID " + hex(q.value));
      if (q.portal !== undefined) read.push("マイナポータルのエラーコード " + pad3(q.portal));
      status.textContent = read.join(" と ") + " に該当する行: " + a.rows.length + " 件（" + TABLE.version + " 版）";
    }
  }
  // 改訂履歴: what each revision between the versions of spec/ changed, newest first, with
  // each reworded text shown before and after, the changed characters marked.
  function showRevisions() {
    var revisions = JSON.parse(document.getElementById("revisions-data").textContent);
    var section = document.getElementById("history");
    if (!revisions.length) { section.hidden = true; return; }
    section.appendChild(el("h2", null, "改訂履歴"));
    revisions.forEach(function (rev) {
      var block = el("section", "revision");
      block.appendChild(el("h3", null, rev.from + " 版 → " + rev.to + " 版"));
      rev.sections.forEach(function (part) {
        block.appendChild(el("h4", null, part[0]));
        var ul = el("ul");
        part[1].forEach(function (line) { ul.appendChild(el("li", null, line)); });
        block.appendChild(ul);
      });
      if (rev.rewordings.length) {
        block.appendChild(el("h4", null, "文言の変更"));
        rev.rewordings.forEach(function (change) {
          var item = el("div", "rewording");
          item.appendChild(el("p", "place", change.place));
          var before = el("p", "before"), after = el("p", "after");
          before.appendChild(el("span", "label", "変更前: "));
          after.appendChild(el("span", "label", "変更後: "));
          change.pieces.forEach(function (piece) {
            if (piece[0] === "=") { appendText(before, piece[1]); appendText(after, piece[1]); }
            else if (piece[0] === "-") { var d = document.createElement("del"); appendText(d, piece[1]); before.appendChild(d); }
            else { var n = document.createElement("ins"); appendText(n, piece[1]); after.appendChild(n); }
          });
          item.appendChild(before);
          item.appendChild(after);
          block.appendChild(item);
        });
      }
      section.appendChild(block);
    });
  }
  showRevisions();
  var input = document.getElementById("q");
  function fromLocation() {
    var params = new URLSearchParams(location.search);
    var q = params.get("q");
    if (q === null && /^#[0-9]{3}$/.test(location.hash)) q = location.hash.slice(1);
    if (q !== null) input.value = q;
    run(input.value);
    if (q === null && location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }
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
})();
