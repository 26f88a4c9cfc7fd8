#!/usr/bin/env python3
"""Checks (and with --fix, sorts) dyad's default dictionary files.

A stand-in for `dyad dict check` until the Rust reader lands: it follows docs/dictionary-format.md
and reports every bad line as `file:line: reason`. Checks: the header keys are present, every
entry and continuation line parses, no phrase appears twice within one kind (case-insensitively,
since a lower-case word matches any case), every `&synset` a pattern uses is defined, and each file
is in the order its `@sort` names.

`@sort entries` means: entries ordered by (kind, first phrase case-folded), where the first phrase
of an `issue` entry is its code. `--fix` rewrites files into that order, moving each entry with
the comment lines directly above it; the header and comments before the first entry stay put.

Usage: check.py [--fix] [FILE_OR_DIR ...]   (default: the folder above this script)
"""

import os
import re
import sys

KINDS = {"actor", "agent", "verb", "noun", "state", "synset", "discard", "discard-story", "discard-genre", "issue"}
REQUIRED_HEADER = ["format", "version", "licence", "description", "sort"]
SORT_MODES = {"entries"}
CODE = r"[A-Za-z0-9~]+"
DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
RANGE_RE = re.compile(rf"^({DATE})?\.\.({DATE})?$")
ACTOR_CODE_RE = re.compile(r"^(?:[A-Z0-9]+|---)$")  # ---: a name that is no actor
AGENT_CODE_RE = re.compile(r"^~?[A-Z0-9]+~?$")
EVENT_CODE_RE = re.compile(r"^[0-9]{2,4}[A-Z]?(?::[0-9]{2,4}[A-Z]?|/[0-9]{2,4}[A-Z]?)?$")
ISSUE_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*$")
GENRE_COUNTS = {}  # genre -> the count its first entry gives
WORD_RE = re.compile(r"^[^\s|=#()*$+{}&]+$")


def strip_comment(line):
    """Removes a `#` comment: at the start of a line or after a blank."""
    if line.lstrip().startswith("#"):
        return ""
    m = re.search(r"\s#", line)
    return line[: m.start()] if m else line


def date_bounds(text, is_end):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return (parts[0], 12 if is_end else 1, 31 if is_end else 1)
    if len(parts) == 2:
        return (parts[0], parts[1], 31 if is_end else 1)
    return tuple(parts)


def valid_date(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) == 3:
        days = [31, 29 if parts[0] % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return 1 <= parts[2] <= days[parts[1] - 1]
    return True


def check_range(text):
    m = RANGE_RE.match(text)
    if not m:
        return f"bad date range {text!r}"
    lo, hi = m.group(1), m.group(2)
    for d in (lo, hi):
        if d and not valid_date(d):
            return f"bad date {d!r}"
    if lo and hi and date_bounds(lo, False) > date_bounds(hi, True):
        return f"range {text!r} ends before it starts"
    return None


def split_phrases(text):
    """Splits `a | b c` into phrases; returns (phrases, error)."""
    phrases = [p.strip() for p in text.split("|")]
    for p in phrases:
        if not p:
            return None, "empty phrase"
        words = p.split(" ")
        for w in words:
            if not w:
                return None, f"phrase {p!r} has a double blank"
            if not WORD_RE.match(w):
                return None, f"phrase {p!r} has a bad word {w!r}"
            # A word with a capital matches only tokens that start with a capital, so a word
            # like `al-Qaeda` would never match its usual spelling; write it in lower case.
            if w[0].islower() and any(c.isupper() for c in w):
                return None, f"phrase {p!r}: {w!r} has a capital but starts lower case"
    return phrases, None


def check_code_with_range(text, code_re, what):
    """`CODE [RANGE]`; returns an error or None."""
    parts = text.split()
    if not parts or len(parts) > 2:
        return f"expected `{what} [RANGE]`, found {text!r}"
    if not code_re.match(parts[0]):
        return f"bad {what} {parts[0]!r}"
    if len(parts) == 2:
        return check_range(parts[1])
    return None


PATTERN_TOKEN_RE = re.compile(r"\{[^{}]+\}|\(|\)|[^\s(){}]+")


def check_pattern(text, synsets_used):
    """`pattern BEFORE * AFTER = CODE`; returns an error or None."""
    if " = " not in text:
        return "pattern without ` = CODE`"
    body, code = text.rsplit(" = ", 1)
    # `---`: the phrase is no event of its own, and the patterns after it are not tried.
    if code.strip() != "---" and not EVENT_CODE_RE.match(code.strip()):
        return f"bad event code {code.strip()!r}"
    tokens = PATTERN_TOKEN_RE.findall(body)
    if tokens.count("*") != 1:
        return "a pattern needs exactly one `*`"
    if "".join(tokens).count("{") or body.count("{") != body.count("}"):
        return "unbalanced `{}`"
    depth = 0
    for tok in tokens:
        if tok == "(":
            depth += 1
            if depth > 1:
                return "nested `(`"
        elif tok == ")":
            depth -= 1
            if depth < 0:
                return "unbalanced `)`"
        elif tok.startswith("&"):
            if not re.match(r"^&[a-z0-9_-]+$", tok):
                return f"bad synset name {tok!r}"
            synsets_used.append(tok)
        elif tok in ("*", "$", "+"):
            pass
        elif tok.startswith("{"):
            if not all(WORD_RE.match(w) for w in tok[1:-1].split(" ")):
                return f"bad noun phrase {tok!r}"
        elif not WORD_RE.match(tok):
            return f"bad word {tok!r}"
    if depth != 0:
        return "unbalanced `(`"
    if tokens.count("$") > 1 or tokens.count("+") > 1:
        return "more than one `$` or `+`"
    return None


class Entry:
    def __init__(self, kind, first, lineno):
        self.kind = kind
        self.first = first
        self.lineno = lineno

    def key(self):
        return (self.kind, self.first.casefold(), self.first)


def parse_file(path, errors, phrases_seen, synsets_defined, synsets_used):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    name = os.path.basename(path)
    header = {}
    entries = []
    current = None  # kind of the entry continuation lines belong to
    in_header = True

    def err(lineno, msg):
        errors.append(f"{name}:{lineno}: {msg}")

    def note_phrases(space, label, phrases, lineno):
        """Records the phrases of one namespace; a phrase seen before in it is an error."""
        for p in phrases:
            k = (space, p.casefold())
            if k in phrases_seen:
                err(lineno, f"duplicate {label} phrase {p!r} (first at {phrases_seen[k]})")
            else:
                phrases_seen[k] = f"{name}:{lineno}"

    for idx, raw in enumerate(lines):
        lineno = idx + 1
        if raw.startswith("@"):
            if not in_header:
                err(lineno, "header line after the first entry")
                continue
            m = re.match(r"^@([a-z]+) (.+)$", raw)
            if not m:
                err(lineno, "bad header line")
                continue
            header[m.group(1)] = m.group(2).strip()
            continue
        line = strip_comment(raw).rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            body = line.strip()
            if current is None:
                err(lineno, "continuation line without an entry")
            elif current in ("verb", "noun", "state"):
                if not body.startswith("pattern "):
                    err(lineno, "expected `pattern ...`")
                else:
                    e = check_pattern(body[len("pattern ") :], synsets_used)
                    if e:
                        err(lineno, e)
            elif current == "actor":
                e = check_code_with_range(body, ACTOR_CODE_RE, "actor code")
                if e:
                    err(lineno, e)
            else:
                err(lineno, f"a {current} entry takes no continuation lines")
            continue
        in_header = False
        kind, _, rest = line.partition(" ")
        if kind not in KINDS:
            err(lineno, f"unknown entry kind {kind!r}")
            current = None
            continue
        current = kind
        rest = rest.strip()
        code = None
        if " = " in rest or rest.endswith(" ="):
            rest, _, code = rest.partition(" = ")
            code = code.strip()
        if kind == "discard-genre":
            # `discard-genre NAME COUNT = phrases`; every entry of a genre gives one count.
            # `discard-genre NAME unless = phrases` keeps an article of the genre coded.
            m = re.match(r"^([a-z][a-z0-9_-]*) ([1-9][0-9]*|unless)$", rest.strip())
            if code is None or not m:
                err(lineno, "`discard-genre` needs `NAME COUNT = phrases` or `NAME unless = phrases`")
                continue
            genre, count = m.group(1), m.group(2)
            if count == "unless":
                if genre not in GENRE_COUNTS:
                    err(lineno, f"`unless` before any count for genre {genre}")
                genre = genre + " unless"
            elif GENRE_COUNTS.setdefault(genre, count) != count:
                err(lineno, f"genre {genre} has two counts")
            members, e = split_phrases(code)
            if e:
                err(lineno, e)
                continue
            note_phrases("genre " + genre, genre, members, lineno)
            entries.append(Entry(kind, genre, lineno))
            continue
        if kind in ("synset", "issue"):
            if code is None:
                err(lineno, f"`{kind}` needs `NAME = phrases`")
                continue
            label, members_text = rest.strip(), code
            if kind == "synset" and not re.match(r"^&[a-z0-9_-]+$", label):
                err(lineno, f"bad synset name {label!r}")
                continue
            if kind == "issue" and not ISSUE_CODE_RE.match(label):
                err(lineno, f"bad issue code {label!r}")
                continue
            members, e = split_phrases(members_text)
            if e:
                err(lineno, e)
                continue
            if kind == "synset":
                if label in synsets_defined:
                    err(lineno, f"synset {label} defined twice")
                synsets_defined.add(label)
                if len(set(m.casefold() for m in members)) != len(members):
                    err(lineno, "a member appears twice in the synset")
            else:
                note_phrases("issue", "issue", members, lineno)
            entries.append(Entry(kind, label, lineno))
            continue
        phrases, e = split_phrases(rest)
        if e:
            err(lineno, e)
            continue
        if kind in ("discard", "discard-story"):
            if code is not None:
                err(lineno, f"`{kind}` takes no code")
        elif code is not None and code != "":
            if kind == "actor":
                e = check_code_with_range(code, ACTOR_CODE_RE, "actor code")
            elif kind == "agent":
                e = check_code_with_range(code, AGENT_CODE_RE, "agent code")
                if e is None and len(code.split()) > 1:
                    e = "an agent code takes no range"
            else:
                e = None if EVENT_CODE_RE.match(code) else f"bad event code {code!r}"
            if e:
                err(lineno, e)
        elif kind == "agent":
            err(lineno, "an agent needs `= CODE`")
        # Discards of both kinds share one namespace: a phrase is either sentence or story noise.
        # States are nouns to the engine: one namespace.
        space = "discard" if kind.startswith("discard") else "noun" if kind == "state" else kind
        note_phrases(space, kind, phrases, lineno)
        entries.append(Entry(kind, phrases[0], lineno))

    for key in REQUIRED_HEADER:
        if key not in header:
            errors.append(f"{name}:1: header lacks @{key}")
    if header.get("format") != "dyad-dictionary 1":
        errors.append(f"{name}:1: @format must be `dyad-dictionary 1`")
    sort = header.get("sort")
    if sort is not None and sort not in SORT_MODES:
        errors.append(f"{name}:1: unknown @sort {sort!r}")
    if sort == "entries":
        for a, b in zip(entries, entries[1:]):
            if b.key() < a.key():
                errors.append(f"{name}:{b.lineno}: out of order: {b.first!r} after {a.first!r}")
                break
    return entries


def fix_file(path):
    """Sorts the entries of a file, each with the comment lines directly above it."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")

    def is_entry(line):
        return bool(strip_comment(line).strip()) and line[0] not in " \t" and not line.startswith("@")

    first = next((i for i, line in enumerate(lines) if is_entry(line)), len(lines))
    start = first
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    head = lines[:start]
    blocks, pending = [], []
    for line in lines[start:]:
        code_part = strip_comment(line).rstrip()
        if not code_part.strip():
            if line.strip():
                pending.append(line)
            continue
        if line[0] in " \t":
            blocks[-1][1].append(line)
            continue
        kind, _, rest = code_part.partition(" ")
        rest = rest.strip()
        if kind in ("synset", "issue"):
            label = rest.partition(" = ")[0].strip()
        else:
            label = rest.split(" = ")[0].split("|")[0].strip()
        blocks.append(((kind, label.casefold(), label), pending + [line]))
        pending = []
    blocks.sort(key=lambda b: b[0])
    out = head[:]
    while out and out[-1] == "":
        out.pop()
    out.append("")
    for _, block in blocks:
        out.extend(block)
    out.extend(pending)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main(argv):
    fix = "--fix" in argv
    args = [a for a in argv if a != "--fix"] or [os.path.join(os.path.dirname(__file__), "..")]
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".dyad"))
        else:
            files.append(a)
    if fix:
        for path in files:
            fix_file(path)
    errors, seen, defined, used = [], {}, set(), []
    counts = {}
    for path in files:
        entries = parse_file(path, errors, seen, defined, used)
        kinds = {}
        for e in entries:
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        counts[os.path.basename(path)] = kinds
    for s in sorted(set(used) - defined):
        errors.append(f"(set): synset {s} is used but never defined")
    phrase_counts = {}
    for (kind, _), _where in seen.items():
        phrase_counts[kind] = phrase_counts.get(kind, 0) + 1
    for e in errors:
        print(e)
    for name, kinds in counts.items():
        print(f"{name}: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    print("phrases: " + ", ".join(f"{n} {k}" for k, n in sorted(phrase_counts.items())))
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
