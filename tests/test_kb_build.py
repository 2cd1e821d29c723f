"""The shipped knowledge base is the one scripts/build_kb.py makes of today's actors.tsv."""

from __future__ import annotations

import gzip
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

from wedlug.lang.pl.entities.kb import name_words

BUILD = Path(__file__).resolve().parents[1] / "scripts" / "build_kb.py"


def _shipped() -> dict[str, dict[str, Any]]:
    blob = resources.files("wedlug.lang.pl").joinpath("data", "kb.json.gz").read_bytes()
    return {e["id"]: e for e in json.loads(gzip.decompress(blob))["entities"]}


def test_every_curated_actor_is_shipped_as_written_and_lemmatised_today() -> None:
    # The curated rows and their words' lemmas need only Morfeusz (CLDR and GeoNames, which
    # the build also reads, are build-time extras): a row edited without a rebuild, or a
    # tokens step that now reads a name's words otherwise (`Onet.pl` became one token),
    # shows here.
    spec = importlib.util.spec_from_file_location("build_kb", BUILD)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = _shipped()
    stale = []
    for entry in build.curated():
        found = shipped.get(entry["id"])
        words = {name: name_words(name) for name, _ in entry["names"]}
        if found is None or any(found[k] != v for k, v in entry.items()) or found["words"] != words:
            stale.append(entry["name"])
    assert not stale, f"rebuild kb.json.gz (python scripts/build_kb.py): {stale[:10]}"
