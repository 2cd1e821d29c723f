"""Turn files, directories and standard input into decoded texts, or into clear errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wedlug.article import ArticleError

# 20 MB of text is about 3,000 long articles pasted together: more than that in one
# file is a dump that belongs in `wedlug ingest`, not one article.
MAX_BYTES = 20_000_000

POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY_ENCODINGS = ("cp1250", "iso-8859-2")


@dataclass(slots=True)
class Input:
    """One decoded input, or the reason it could not be decoded."""

    source: str
    text: str | None
    encoding: str | None = None
    error: ArticleError | None = None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _legacy_score(text: str) -> int:
    """Score an 8-bit decoding: Polish letters count for it, C1 controls against."""
    polish = sum(1 for ch in text if ch in POLISH_LETTERS)
    controls = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    # In cp1250 0xB9 is ą; the same byte in ISO-8859-2 is ¹ (and 0xBF ż is ¿ there).
    odd = sum(1 for ch in text if ch in "¹¿¥³ê¦¶¼¬")
    return polish - 10 * controls - 3 * odd


def decode(raw: bytes, source: str = "-") -> Input:
    """Decode bytes as UTF-8 (BOM or not), else as CP1250 or ISO-8859-2, whichever reads as Polish."""
    if not raw.strip():
        return Input(source, None, error=ArticleError("empty", f"{source}: the input is empty"))
    if len(raw) > MAX_BYTES:
        return Input(source, None, error=ArticleError(
            "too_large", f"{source}: {len(raw):,} bytes is more than the {MAX_BYTES:,} an "
            "article may have; split it, or use `wedlug ingest` for a dump"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Input(source, raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            pass
    if _looks_binary(raw):
        return Input(source, None, error=ArticleError(
            "binary", f"{source}: this looks like a binary file, not text"))
    try:
        return Input(source, raw.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    decodings = [(raw.decode(enc, errors="replace"), enc) for enc in LEGACY_ENCODINGS]
    text, encoding = max(decodings, key=lambda pair: _legacy_score(pair[0]))
    if "\ufffd" in text or _legacy_score(text) < 0:
        return Input(source, None, error=ArticleError(
            "undecodable", f"{source}: not UTF-8, CP1250 or ISO-8859-2 text"))
    return Input(source, text, encoding)


def read_path(path: Path) -> Input:
    """Read and decode one file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return decode(b"x" * (MAX_BYTES + 1), str(path))
        return decode(path.read_bytes(), str(path))
    except OSError as err:
        return Input(str(path), None, error=ArticleError(
            "unreadable", f"{path}: {err.strerror or err}"))


def iter_inputs(names: list[str], *, suffixes: tuple[str, ...] = (".txt",)) -> Iterator[Input]:
    """Yield the inputs named: files, every matching file below a directory (path order), `-`."""
    for name in names:
        if name == "-":
            yield decode(sys.stdin.buffer.read(), "-")
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes)
            if not found:
                yield Input(name, None, error=ArticleError(
                    "empty_directory", f"{name}: no {'/'.join(suffixes)} files below it"))
            for file in found:
                yield read_path(file)
        elif path.exists():
            yield read_path(path)
        else:
            yield Input(name, None, error=ArticleError("not_found", f"{name}: no such file"))
