#!/usr/bin/env python3
"""Writes spec/readings.toml: the readings (in kana) of the table's kanji words, so that a
caller's words typed in kana find them (`へいそく` finds 閉塞, `ｷｶﾝ ｼｮｳﾒｲｼｮ` finds 機関 and
証明書). The words are the table's own, as pykakasi segments every text of
generated/table.json; each reading is pykakasi's. Run after a revision that brings new words
(`cargo run -p codegen` names the readings whose word no text holds any more), then read the
file over: a wrong reading only fails to find, it never finds the wrong row, but fix it.

Usage: pip install pykakasi && python3 scripts/readings.py
       python3 scripts/readings.py --smoke   (writes nothing: checks the script runs)
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")
KANA = re.compile(r"[\u3041-\u309fー]+")
# A reading shorter than this is found inside too many other words to say anything; a word
# of one kanji likewise, and a word written with kana (okurigana: 正しく, 行った) is a verb's
# or an adjective's form that callers write every which way.
SHORTEST = 3
# Readings that callers' sentences hold as other words (しようとしたら).
COMMON = {"しよう"}
# pykakasi's reading where it is not how the word is read.
READ_AS = {"顔写真": "かおしゃしん"}


def table_texts(table):
    for code in table["codes"]:
        yield code["heading"]
        yield code["message"]
        yield from code["tags"]
        for row in code["rows"]:
            yield from (row["kind"], row["cause"], row["remedy"], row["contact"])
    for note in table["footnotes"]:
        yield note["text"]


def kept(word, reading):
    return (
        len(word) >= 2
        and all(KANJI.match(c) for c in word)
        and KANA.fullmatch(reading) is not None
        and len(reading.replace("ー", "")) >= SHORTEST
        and reading not in COMMON
    )


def readings(table):
    import pykakasi

    kakasi = pykakasi.kakasi()
    found = {}

    def add(word, reading):
        reading = READ_AS.get(word, reading)
        if kept(word, reading):
            found.setdefault(reading, set()).add(word)

    for text in table_texts(table):
        segments = [(s["orig"].strip(), s["hira"].strip()) for s in kakasi.convert(text)]
        for word, reading in segments:
            add(word, reading)
        # Runs of kanji words read one after another: 電子証明書 as でんししょうめいしょ.
        run = []
        for word, reading in segments + [("", "")]:
            if word and all(KANJI.match(c) for c in word):
                run.append((word, READ_AS.get(word, reading)))
                continue
            if len(run) >= 2:
                add("".join(w for w, _ in run), "".join(r for _, r in run))
            run = []
    return found


def toml(found):
    lines = [
        "# 表の漢字の語の読み（かな）: かなで入力された言葉から表の語を探すために使います。",
        "# scripts/readings.py が表の全テキストから作ります（pykakasi の分かち書きと読み）。改訂で語が増えたら",
        "# 作り直し、読み誤りを直してください。読みが誤っていても、見つからないだけで、別の行は出ません。",
        "#",
        "# The readings (kana) of the table's kanji words, made by scripts/readings.py; the search",
        "# reads a kana word of a query as the table's word, as it reads the callers' words.",
        "",
        "[readings]",
    ]
    for reading in sorted(found):
        words = ", ".join(json.dumps(w, ensure_ascii=False) for w in sorted(found[reading]))
        lines.append(f"{json.dumps(reading, ensure_ascii=False)} = [{words}]")
    return "\n".join(lines) + "\n"


def main():
    table = json.loads((root / "generated" / "table.json").read_text(encoding="utf-8"))
    found = readings(table)
    text = toml(found)
    if "--smoke" in sys.argv:
        print(f"readings.py: {len(found)} readings (nothing written)")
        return
    (root / "spec" / "readings.toml").write_text(text, encoding="utf-8")
    print(f"wrote spec/readings.toml: {len(found)} readings")


if __name__ == "__main__":
    main()
