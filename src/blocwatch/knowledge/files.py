"""Reading data files: YAML with the C loader when present, errors that name the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..errors import DictionaryError

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEMO_DIR = DATA_DIR / "demo" / "articles"


def load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DictionaryError(f"{where}: invalid YAML ({getattr(e, 'problem', e)})") from e
    except (OSError, UnicodeDecodeError) as e:
        raise DictionaryError(f"{path}: cannot read ({e})") from e


def digest(dirs: list[Path]) -> str:
    """A short hash of every data file in the folders, recorded with each run."""
    h = hashlib.sha1()
    for folder in dirs:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".yaml", ".csv"} and "demo" not in path.parts:
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:12]
