"""Shared fixtures: where ../shared is, and a skip for tests that need it."""

from __future__ import annotations

from pathlib import Path

import pytest

# The store fixtures (a SQLite and a PostgreSQL store for each test that asks for `store`).
pytest_plugins = ["tests.storehelp"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"

needs_shared = pytest.mark.skipif(
    not (DATA / "news").is_dir(),
    reason=f"needs the shared data folder at {DATA} (present in CI, absent in a user's fresh clone)")
