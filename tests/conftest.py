"""Shared fixtures: one pipeline per test session (building it compiles the matchers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blocwatch.evaluate import find_shared
from blocwatch.pipeline import Pipeline
from blocwatch.types import Document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Annotate a text: code("Russia condemned Ukraine.", "2022-03-01")."""

    def run(text: str, date: str | None = "2020-11-04"):
        day = dt.date.fromisoformat(date) if date else None
        return pipeline(Document(doc_id="t", text=text, date=day))

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    path = find_shared()
    if path is None:
        pytest.skip("the shared benchmarks folder is not beside the project")
    return path


@pytest.fixture()
def seed_file(shared) -> Path:
    return shared / "seed" / "000_3926a41dc234a159.txt"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A database of the bundled demo corpus, coded once per session."""
    from click.testing import CliRunner

    from blocwatch.cli import main
    from blocwatch.knowledge import DEMO_DIR

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = CliRunner().invoke(main, ["code", str(DEMO_DIR), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db
