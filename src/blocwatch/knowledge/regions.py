"""What the analysis needs from the knowledge base: named regions and organisation roll-up.

Regions live in ``regions.yaml`` (members and outside players); a user folder's
``regions.yaml`` adds regions or replaces one by name. At state level an organisation's
body counts as the organisation itself (the Security Council as the UN, the Commission as
the EU), following ``parent`` in ``igos.yaml`` to the top.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DictionaryError, UsageError
from .files import DATA_DIR, load_yaml

__all__ = ["load_regions", "org_roots", "select_nodes"]


def load_regions(extra: tuple[str, ...] = ()) -> dict[str, dict[str, list[str]]]:
    """Region name -> ``{"members": [...], "players": [...]}``."""
    regions: dict[str, dict[str, list[str]]] = {}
    for folder in (DATA_DIR, *(Path(p) for p in extra)):
        path = folder / "regions.yaml"
        if path.is_file():
            for name, spec in (load_yaml(path) or {}).items():
                regions[name] = _region(path, name, spec)
    return regions


def _region(path: Path, name: str, spec) -> dict[str, list[str]]:
    if not isinstance(spec, dict) or not isinstance(spec.get("members"), list):
        raise DictionaryError(f"{path}: region {name!r} needs a 'members' list of codes")
    players = spec.get("players") or []
    return {"members": [str(c) for c in spec["members"]], "players": [str(c) for c in players]}


def select_nodes(countries: str | None, region: str | None,
                 extra: tuple[str, ...] = ()) -> set[str] | None:
    """The codes picked by ``--countries A,B`` or ``--region NAME``; None means all."""
    if countries and region:
        raise UsageError("give --countries or --region, not both")
    if countries:
        return {c.strip().upper() for c in countries.split(",") if c.strip()}
    if region:
        regions = load_regions(extra)
        if region not in regions:
            raise UsageError(f"--region {region}: unknown region (known: "
                             f"{', '.join(sorted(regions))}; add your own in regions.yaml "
                             "with --dictionaries)")
        return set(regions[region]["members"]) | set(regions[region]["players"])
    return None


def org_roots(extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Organisation id -> its top parent, for every organisation that has a parent."""
    parents: dict[str, str] = {}
    for folder in (DATA_DIR, *(Path(p) for p in extra)):
        path = folder / "igos.yaml"
        if path.is_file():
            for item in load_yaml(path) or []:
                if isinstance(item, dict) and item.get("parent"):
                    parents[str(item["org"])] = str(item["parent"])
    return {org: _root(org, parents) for org in parents}


def _root(org: str, parents: dict[str, str]) -> str:
    seen = {org}
    while org in parents and parents[org] not in seen:
        org = parents[org]
        seen.add(org)
    return org
