"""Runs the `dyad` binary: coding and segmentation of articles given as Python values."""

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, List, Mapping, Optional, Union

Article = Union[str, Mapping]


class DyadError(Exception):
    """Nothing could be done: no binary, or no article it could read (exit status 2)."""


@dataclass
class Coded:
    """The result of `code`: events, the diagnostics of skipped input, and the run's figures."""

    events: List[dict] = field(default_factory=list)
    diagnostics: List[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)


def find_binary(binary: Optional[str] = None) -> str:
    """The `dyad` executable: `binary` when given (and nothing else), else `DYAD_BIN`, else
    `dyad` on the PATH, else this checkout's `target/release/dyad` or `target/debug/dyad`."""
    if binary is not None:
        if Path(binary).is_file() and os.access(binary, os.X_OK):
            return binary
        raise DyadError(f"{binary}: not an executable file")
    candidates = [os.environ.get("DYAD_BIN"), shutil.which("dyad")]
    checkout = Path(__file__).resolve().parents[2]
    candidates += [str(checkout / "target" / kind / "dyad") for kind in ("release", "debug")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise DyadError(
        "no dyad binary: set DYAD_BIN, put dyad on the PATH, or run "
        "`cargo build --release -p dyad-cli` in the dyad checkout"
    )


def _json_lines(articles: Iterable[Article]) -> bytes:
    """Articles as dyad's JSON Lines input; a plain string is an article's text."""
    lines = []
    for index, article in enumerate(articles):
        if isinstance(article, str):
            article = {"id": f"article-{index + 1}", "text": article}
        record = dict(article)
        record.setdefault("id", f"article-{index + 1}")
        date = record.get("date")
        if date is not None and hasattr(date, "isoformat"):
            record["date"] = date.isoformat()[:10]
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _run(arguments: List[str], articles: Iterable[Article], binary: Optional[str]):
    """Runs dyad on the articles (standard input); returns its output lines and diagnostics."""
    completed = subprocess.run(
        [find_binary(binary), *arguments, "-"],
        input=_json_lines(articles),
        capture_output=True,
        check=False,
    )
    diagnostics = completed.stderr.decode("utf-8", "replace").splitlines()
    if completed.returncode not in (0, 1):
        raise DyadError("; ".join(diagnostics) or f"dyad exited with {completed.returncode}")
    output = completed.stdout.decode("utf-8")
    return [json.loads(line) for line in output.splitlines() if line.strip()], diagnostics


def code(
    articles: Iterable[Article],
    *,
    dictionaries: Optional[str] = None,
    threads: int = 1,
    binary: Optional[str] = None,
) -> Coded:
    """Codes articles (dicts with `text` and optionally `id`, `date`, `source`, `title`; or plain
    strings) into events. `dictionaries`: a folder of dyad-format files or `petrarch:DIR`
    (default: the dictionaries built into dyad)."""
    with tempfile.TemporaryDirectory() as folder:
        stats_path = Path(folder) / "stats.json"
        arguments = ["code", "--threads", str(threads), "--stats", str(stats_path)]
        if dictionaries:
            arguments += ["--dictionaries", str(dictionaries)]
        events, diagnostics = _run(arguments, articles, binary)
        stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    return Coded(events=events, diagnostics=diagnostics, stats=stats)


def segment(articles: Iterable[Article], *, binary: Optional[str] = None) -> List[dict]:
    """Datelines, sentences and tokens (byte offsets into each article's UTF-8 text), one dict
    per article, as `dyad segment` prints them."""
    documents, _ = _run(["segment"], articles, binary)
    return documents
