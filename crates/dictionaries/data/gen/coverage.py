#!/usr/bin/env python3
"""A rough measure of actor coverage: the share of sentences of a JSONL corpus in which at least
one actor phrase of a dictionary set matches, for dyad's default set and (optionally) a PETRARCH
set read for comparison only.

This is a development aid, not dyad's pipeline: sentences are split and tokenized by regular
expressions here, not by dyad's segmenter, so the figures are approximate; both sets are measured
with the same splitter. dyad phrases follow the format's case rule; PETRARCH phrases match any
case, and a last word without a trailing `_` matches as a prefix (TABARI's stem rule).

Usage: coverage.py CORPUS.jsonl [--max N] [--petrarch DIR] [--exact]

`--exact` turns the PETRARCH stem rule off (every phrase matches whole words only), which shows
how much of the PETRARCH figure comes from stems such as PLA matching "plans" and "play".
"""

import glob
import json
import os
import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n+")
TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:[-'.&][A-Za-z0-9\u00C0-\u024F]+)*\.?|'s|[^\sA-Za-z0-9]")


def tokens(sentence):
    out = []
    for t in TOKEN.findall(sentence):
        if t.endswith("'s") and len(t) > 2:
            out += [t[:-2], "'s"]
        elif t.endswith(".") and t.count(".") == 1:
            out.append(t[:-1])
        else:
            out.append(t)
    return out


def dyad_phrases(folder):
    index = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.dyad"))):
        for line in open(path, encoding="utf-8"):
            if not line.startswith("actor "):
                continue
            head = re.split(r"\s#", line)[0].split(" = ")[0][len("actor "):]
            for phrase in head.split("|"):
                words = phrase.split()
                if words:
                    index.setdefault(words[0].casefold(), []).append(words)
    return index


def dyad_word_matches(word, token):
    if word.casefold() != token.casefold():
        return False
    if any(c.isupper() for c in word):
        return token[0].isupper() or token[0].isdigit()
    return True


def dyad_sentence_has_actor(index, toks):
    for i, t in enumerate(toks):
        for words in index.get(t.casefold(), ()):
            if i + len(words) <= len(toks) and all(
                dyad_word_matches(w, toks[i + k]) for k, w in enumerate(words)
            ):
                return True
    return False


def petrarch_phrases(folder, exact_only=False):
    index = {}
    for path in glob.glob(os.path.join(folder, "*actors*")):
        for line in open(path, encoding="utf-8", errors="replace"):
            line = line.split("#")[0].strip()
            if not line or line[0] in "[<":
                continue
            text = line.split()[0].lstrip("+")
            exact = exact_only or text.endswith("_")
            words = [w for w in text.split("_") if w]
            if words:
                index.setdefault(words[0].upper()[:3], []).append((words, exact))
    return index


def petrarch_sentence_has_actor(index, toks):
    upper = [t.upper() for t in toks]
    for i, t in enumerate(upper):
        for words, exact in index.get(t[:3], ()):
            n = len(words)
            if i + n > len(upper):
                continue
            if all(upper[i + k] == w for k, w in enumerate(words[:-1])):
                last = upper[i + n - 1]
                if last == words[-1] or (not exact and last.startswith(words[-1])):
                    return True
    return False


def main(argv):
    corpus = argv[0]
    limit = int(argv[argv.index("--max") + 1]) if "--max" in argv else None
    here = os.path.dirname(os.path.abspath(__file__))
    dyad = dyad_phrases(os.path.join(here, ".."))
    petrarch = None
    if "--petrarch" in argv:
        petrarch = petrarch_phrases(argv[argv.index("--petrarch") + 1], "--exact" in argv)
    n = hit_dyad = hit_petrarch = 0
    with open(corpus, encoding="utf-8") as f:
        for number, line in enumerate(f):
            if limit is not None and number >= limit:
                break
            text = json.loads(line).get("text") or ""
            for sentence in SENTENCE_END.split(text):
                toks = tokens(sentence)
                if len(toks) < 4:
                    continue
                n += 1
                hit_dyad += dyad_sentence_has_actor(dyad, toks)
                if petrarch is not None:
                    hit_petrarch += petrarch_sentence_has_actor(petrarch, toks)
    print(f"{corpus}: {n} sentences; dyad defaults {hit_dyad / n:.3f}", end="")
    if petrarch is not None:
        print(f"; PETRARCH actors {hit_petrarch / n:.3f}", end="")
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
