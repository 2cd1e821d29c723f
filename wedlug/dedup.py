"""Near-duplicates: syndicated copies (a PAP dispatch on five portals) grouped by MinHash.

Each article gets a MinHash signature of its word 5-grams (removed passages left out,
so a portal's teasers do not hide a copy); signatures are cut into bands whose hashes
the store indexes (locality-sensitive hashing). An article sharing a band with a stored
original, and whose estimated Jaccard similarity is at least `THRESHOLD`, is a copy of it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

NUM_PERM = 128
# 16 bands of 8 rows: a pair at 0.8 Jaccard shares a band with probability 1-(1-0.8^8)^16 = 0.98,
# a pair at 0.5 only 0.06; 128 permutations estimate Jaccard within about ±0.035.
BANDS, ROWS = 16, 8
THRESHOLD = 0.8
SHINGLE = 5
MIN_WORDS = 8  # below this a text is too short to call a copy of anything
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Fingerprint:
    """An article's MinHash signature and its LSH bands."""

    signature: bytes
    bands: list[tuple[int, int]] = field(default_factory=list)


def _visible(text: str, removed: list[dict[str, Any]]) -> str:
    """Return the text with removed passages blanked out."""
    if not removed:
        return text
    chars = list(text)
    for passage in removed:
        for i in range(passage["start"], min(passage["end"], len(chars))):
            chars[i] = " "
    return "".join(chars)


def fingerprint(text: str, removed: list[dict[str, Any]] | None = None) -> Fingerprint | None:
    """Return the text's fingerprint, or None for a text too short to compare."""
    from datasketch import MinHash

    words = _WORD.findall(_visible(text, removed or []).lower())
    if len(words) < MIN_WORDS:
        return None
    grams = {" ".join(words[i:i + SHINGLE]).encode("utf-8")
             for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(list(grams))
    values = np.asarray(minhash.hashvalues, dtype="<u8")
    bands = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).digest()
        bands.append((band, int.from_bytes(digest, "little", signed=True)))
    return Fingerprint(values.tobytes(), bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimate the Jaccard similarity of two texts from their signatures."""
    left = np.frombuffer(bytes(a), dtype="<u8")
    right = np.frombuffer(bytes(b), dtype="<u8")
    return float(np.mean(left == right))


def find_original(fp: Fingerprint, candidates: list[dict[str, Any]]) -> tuple[str | None, float | None]:
    """Return the most similar candidate at or above `THRESHOLD` (id, similarity), else (None, None)."""
    best: tuple[str | None, float | None] = (None, None)
    for row in candidates:
        score = similarity(fp.signature, row["signature"])
        if score >= THRESHOLD and (best[1] is None or score > best[1]):
            best = (row["article_id"], score)
    return best


def mark_copy(stored: Any, store: Any, *, replacing: str | None = None) -> None:
    """Fingerprint a `StoredArticle` and point it at its stored original, if it is a copy.

    `replacing` names the article the same source gave last time: a new version of one
    page replaces it and is not its copy.
    """
    fp = fingerprint(stored.record["text"], stored.record["removed"])
    if fp is None:
        return
    stored.signature, stored.bands = fp.signature, fp.bands
    candidates = [c for c in store.near_duplicate_candidates(fp.bands) if c["article_id"] != replacing]
    stored.dup_of, stored.similarity = find_original(fp, candidates)
