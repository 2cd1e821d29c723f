"""The accuracy gate: score every gold set, compare with floors pinned in a baseline file.

Like trafilatura's `tests/eval_gate.py`: the baseline pins a floor per metric and a
hash of the gold data; a metric under its floor fails, a changed gold set fails until
re-pinned, and lowering a floor needs `--allow-lower`.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Scores move by a token or two between runs of the same code only when the gold
# changes; this slack lets the last decimal wobble, nothing more.
TOLERANCE = 0.001

# Each group: a module under wedlug.evaluation with gate_metrics(shared) -> {name: value}
# and gold_files(shared) -> [Path].
GROUPS = ("lemmas", "statements", "amounts", "entities", "ner")


@dataclass(frozen=True, slots=True)
class GateResult:
    """What the gate found: the scores, the failures, the gold hash of each group."""

    scores: dict[str, float]
    failures: list[str]
    gold_sha256: dict[str, str]


def _group(name: str) -> Any | None:
    try:
        module = importlib.import_module(f"wedlug.evaluation.{name}")
    except ModuleNotFoundError:
        return None
    return module if hasattr(module, "gate_metrics") else None


def gold_hash(files: list[Path], shared: Path) -> str:
    """Hash the gold files' names and bytes, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(shared.parent) if path.is_relative_to(shared.parent)
                          else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def score_all(shared: Path, groups: tuple[str, ...] = GROUPS,
              progress: Callable[[str], None] | None = None
              ) -> tuple[dict[str, float], dict[str, str]]:
    """Run each group's scorer; return all scores and each group's gold hash."""
    scores: dict[str, float] = {}
    hashes: dict[str, str] = {}
    for name in groups:
        module = _group(name)
        if module is None:
            continue
        if progress:
            progress(name)
        for metric, value in module.gate_metrics(shared).items():
            scores[f"{name}.{metric}"] = round(float(value), 4)
        hashes[name] = gold_hash(module.gold_files(shared), shared)
    return scores, hashes


def check(baseline_path: Path, shared: Path, *, groups: tuple[str, ...] = GROUPS,
          update: bool = False, allow_lower: bool = False,
          progress: Callable[[str], None] | None = None) -> GateResult:
    """Score, compare with the baseline's floors, and re-pin them when asked."""
    scores, hashes = score_all(shared, groups, progress)
    baseline = json.loads(baseline_path.read_text()) if baseline_path.exists() else {}
    pinned: dict[str, str] = baseline.get("gold_sha256", {})
    floors = {m: f for m, f in baseline.get("floors", {}).items() if m.split(".")[0] in groups}
    failures = []
    for group, digest in hashes.items():
        if pinned.get(group) not in (None, digest) and not update:
            failures.append(f"{group}: the gold data changed since its floors were pinned: "
                            "check the change, then re-pin with --update")
    for metric, floor in floors.items():
        if metric not in scores:
            failures.append(f"{metric}: no longer measured (floor {floor})")
        elif scores[metric] < floor - TOLERANCE:
            failures.append(f"{metric}: {scores[metric]:.4f} is under its floor {floor:.4f}")
    if update:
        lowered = [m for m in floors if m in scores and scores[m] < floors[m] - TOLERANCE]
        if lowered and not allow_lower:
            failures.append("refusing to lower floors without --allow-lower: " + ", ".join(lowered))
        else:
            kept = {m: f for m, f in baseline.get("floors", {}).items() if m.split(".")[0] not in groups}
            baseline_path.write_text(json.dumps(
                {"gold_sha256": {**pinned, **hashes}, "floors": dict(sorted({**kept, **scores}.items()))},
                indent=1) + "\n")
            failures = []
    return GateResult(scores, failures, hashes)
