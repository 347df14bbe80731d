"""Rendering results for people: rich tables for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

__all__ = ["emit", "print_explain", "print_reports", "print_summary"]


def _console() -> Console:
    """A console for people; when piped, wide enough that tables keep their columns."""
    import sys

    return Console(highlight=False, width=None if sys.stdout.isatty() else 150)


def print_explain(result: dict) -> None:
    console = _console()
    console.print(_rows("Actor mentions", ("text", "code", "sector", "name", "kind"),
                        [(m["text"], str(m["code"]), str(m["sector"]), str(m["name"]),
                          m["kind"]) for m in result["mentions"]]))
    console.print(_rows("Clauses (where the subject of a trigger is looked for)",
                        ("sentence", "clause"),
                        [(str(c["sentence"]), c["text"]) for c in result.get("clauses", [])]))
    console.print(_rows("Actor candidates", ("text", "code", "role", "for triggers"),
                        [(a["text"], str(a["code"]), a["role"], ", ".join(a["of"]) or "-")
                         for a in result.get("actors", [])]))
    console.print(_rows("Triggers tried", ("trigger", "rule", "status", "actor", "recipient",
                                           "why"),
                        [(t["text"], t["rule"], t.get("status", str(t["emitted"])),
                          ", ".join(t.get("actor", [])) or "-",
                          ", ".join(t.get("recipient", [])) or "-", t["why"])
                         for t in result["triggers"]]))
    console.print(_rows("Events", ("event", "mode", "actor", "recipient", "negated", "date",
                                   "score", "context", "rule"),
                        [(e["event"], e["mode"], _actors(e["actor"]), _actors(e["recipient"]),
                          str(e["negated"]), str(e["date"]), str(e["score"]),
                          ", ".join(e["context"]) or "-", e["rule"])
                         for e in result["events"]]))
    if not result["triggers"]:
        console.print("No trigger in the vocabulary matched this sentence.")


def _rows(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _actors(actors: list[dict]) -> str:
    return ", ".join(f"{a['code']}{'/' + a['sector'] if a['sector'] else ''}" for a in actors) or "-"


def print_reports(reports, errors: int = 0) -> None:
    console = _console()
    for report in reports:
        table = Table(title=f"{report.name}: per event type", title_justify="left")
        for col in ("type", "gold", "predicted", "precision", "recall", "F1"):
            table.add_column(col, justify="right" if col != "type" else "left")
        for kind, row in report.per_type.items():
            table.add_row(kind, str(row["gold"]), str(row["predicted"]), f"{row['precision']:.2f}",
                          f"{row['recall']:.2f}", f"{row['f1']:.2f}")
        console.print(table)
        figures = Table(title=f"{report.name}: headline", title_justify="left", show_header=False)
        figures.add_column("figure")
        figures.add_column("value", justify="right")
        for key, value in report.figures.items():
            figures.add_row(key.replace("_", " "), str(value))
        console.print(figures)
        for line in report.errors[:errors]:
            console.print(line, markup=False)


def print_summary(store) -> None:
    console = _console()
    summary = store.summary()
    console.print(f"{summary['documents']} documents, {summary['events']} events in "
                  f"{store.path}")
    by_type = Table(title="Events per type", title_justify="left")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for kind, count in summary["by_type"].items():
        by_type.add_row(kind, str(count))
    console.print(by_type)
    for title, order in (("Most cooperative pairs", "DESC"), ("Most conflictual pairs", "ASC")):
        rows = store.query(
            "SELECT actor_code AS a, recipient_code AS b, count(*) AS events, "
            "round(sum(score), 1) AS score FROM events WHERE NOT negated AND actor_code IS "
            "NOT NULL AND recipient_code IS NOT NULL AND actor_code <> recipient_code "
            f"GROUP BY 1, 2 HAVING sum(score) {'>' if order == 'DESC' else '<'} 0 "
            f"ORDER BY score {order} LIMIT 8")
        table = Table(title=title, title_justify="left")
        for col in ("actor", "recipient", "events", "summed PLOVER score"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["a"], r["b"], str(r["events"]), str(r["score"]))
        console.print(table)


def emit(rows: list[dict], fmt: str, columns: list[str], title: str = "") -> None:
    """Print analysis rows as a rich table, one JSON array, or CSV with a header."""
    import sys

    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns,
                                extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _flat(v) for k, v in row.items()} for row in rows)
    else:
        _console().print(_table(rows, columns, title))


def _flat(value) -> str:
    if isinstance(value, list):
        return " ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return "/".join(str(v) for v in value.values())
    return "" if value is None else str(value)


def _table(rows: list[dict], columns: list[str], title: str) -> Table:
    table = Table(title=title or None, title_justify="left")
    for col in columns:
        numeric = rows and isinstance(rows[0].get(col), (int, float))
        table.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(col)) for col in columns))
    if not rows:
        table.caption = "no events in this selection"
    return table


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:+.2f}" if value else "0.00"
    if isinstance(value, list) and value and isinstance(value[0], list):
        return "  |  ".join(" ".join(group) for group in value)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "; ".join(f"{m['code']}: {' '.join(m['from'])} -> {' '.join(m['to'])}"
                         for m in value)
    return _flat(value)
