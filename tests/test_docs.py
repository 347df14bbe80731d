"""Docs stay true: every command is in the README; the public API is what __all__ says."""

from pathlib import Path

import blocwatch
from blocwatch.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}"


def test_docs_every_command_in_readme():
    missing = [c for c in _commands(main) if f"blocwatch {c}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_docs_every_event_type_documented():
    from blocwatch.knowledge import EVENT_TYPES

    vocab = Path(blocwatch.__file__).parent / "data" / "events"
    for kind in EVENT_TYPES:
        assert (vocab / f"{kind.lower()}.yaml").is_file(), kind


def test_docs_public_api():
    for name in blocwatch.__all__:
        assert getattr(blocwatch, name) is not None
