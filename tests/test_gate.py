"""The accuracy gate runs in CI against the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, SHARED, needs_shared
from wedlug.evaluation.gate import check


@needs_shared
def test_no_metric_falls_under_its_floor() -> None:
    result = check(ROOT / "eval_baseline.json", SHARED)
    assert result.failures == []
    assert result.scores["lemmas.pdb_test.lemma"] > 0.9


@needs_shared
def test_gate_fails_on_a_regression_and_refuses_silent_lowering(tmp_path: Path) -> None:
    pinned = json.loads((ROOT / "eval_baseline.json").read_text())
    raised = {m: 2.0 for m in pinned["floors"] if m.startswith("amounts.")}
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"gold_sha256": pinned["gold_sha256"], "floors": raised}))
    result = check(baseline, SHARED, groups=("amounts",))
    assert raised and any("under its floor" in f for f in result.failures)
    assert any("lower" in f for f in check(baseline, SHARED, groups=("amounts",), update=True).failures)
    assert json.loads(baseline.read_text())["floors"] == raised


@needs_shared
def test_changed_gold_is_caught(tmp_path: Path) -> None:
    pinned = json.loads((ROOT / "eval_baseline.json").read_text())
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"gold_sha256": {"amounts": "0" * 64}, "floors": {
        m: f for m, f in pinned["floors"].items() if m.startswith("amounts.")}}))
    assert any("gold data changed" in f for f in check(baseline, SHARED, groups=("amounts",)).failures)
