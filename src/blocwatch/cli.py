"""The ``blocwatch`` command. Each command parses options, calls one library function and
formats the result. Heavy libraries are imported inside the commands that need them."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import BlocwatchError, UsageError

EXIT_BAD_INPUT = 2


def _date_option(f):
    return click.option("--date", help="Document date (YYYY-MM-DD) when the input gives none.")(f)


def _dict_option(f):
    return click.option("--dictionaries", "dictionaries", multiple=True,
                        type=click.Path(exists=True, file_okay=False),
                        help="Folder of extra actor/vocabulary files (same layout as the "
                             "shipped data); may be repeated.")(f)


def _parse_date(value: str | None):
    if not value:
        return None
    from .ingest import parse_date

    try:
        return parse_date(value)
    except ValueError as e:
        raise UsageError(f"--date: {e}") from e


def _guard(command):
    """User errors print one clear line and exit 2; no tracebacks for them."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BlocwatchError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except BrokenPipeError:
            sys.exit(0)
        except (OSError, RuntimeError, ValueError, KeyError, AttributeError, TypeError) as e:
            if os.environ.get("BLOCWATCH_DEBUG"):
                raise
            click.echo(f"internal error: {type(e).__name__}: {e} (this is a bug; run again "
                       "with BLOCWATCH_DEBUG=1 for the traceback and report it)", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: what was stored so far is kept; run the same command "
                       "again to resume", err=True)
            sys.exit(130)

    return wrapper


def _problem(error) -> None:
    click.echo(f"skipped {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blocwatch")
def main() -> None:
    """blocwatch: explainable event data from news, and who is moving toward whom."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_date_option
@_dict_option
@_guard
def annotate(inputs, date, dictionaries):
    """Print one JSON record per document (the annotate contract) for INPUTS.

    INPUTS are .txt/.jsonl/.csv/.html files, folders (recursive), or - for JSONL on stdin.
    """
    from .errors import InputError
    from .ingest import read_inputs
    from .pipeline import Pipeline

    pipeline = Pipeline(dictionaries=dictionaries)
    problems = 0
    for item in read_inputs(inputs, _parse_date(date)):
        if isinstance(item, InputError):
            problems += 1
            _problem(item)
            continue
        click.echo(json.dumps(pipeline(item).to_json(), ensure_ascii=False))
    if problems:
        sys.exit(EXIT_BAD_INPUT)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="blocwatch.duckdb", show_default=True, help="DuckDB file.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Also export the events of INPUTS to .jsonl, .csv or .parquet.")
@click.option("--limit", type=int, help="Code at most this many new documents.")
@click.option("--workers", type=int, help="Processes (default: one per core for large inputs).")
@_date_option
@_dict_option
@_guard
def code(inputs, db, output, limit, workers, date, dictionaries):
    """Code INPUTS into the database; re-running the same input adds nothing."""
    summary = _code(inputs, db, output, limit, workers, _parse_date(date), dictionaries)
    if summary.problems:
        sys.exit(EXIT_BAD_INPUT)


def _code(inputs, db, output, limit, workers, date, dictionaries):
    from .run import code_corpus

    if output and Path(output).suffix.lower() not in (".jsonl", ".csv", ".parquet"):
        raise UsageError(f"-o {output}: the export must end in .jsonl, .csv or .parquet")
    with _progress() as update:
        summary = code_corpus(inputs, db, tuple(dictionaries), date, limit, workers,
                              on_document=update, on_problem=_problem)
    exported = ""
    if output:
        from .store import Store

        with Store(db) as store:
            rows = store.export_events(Path(output), summary.doc_ids)
        exported = f"; {rows} events exported to {output}"
    click.echo(f"coded {summary.documents} documents ({summary.skipped} already stored, "
               f"{len(summary.problems)} skipped with problems), {summary.events} events, "
               f"{summary.rate:.1f} documents/s -> {db}{exported}")
    return summary


class _progress:
    """A rich progress line on a terminal; nothing when output is piped."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), TimeElapsedColumn(),
                                transient=True)
            self.bar.start()
            self.task = self.bar.add_task("coding")
        return self.update

    def update(self, summary) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"coded {summary.documents} documents, "
                            f"{summary.events} events, {summary.rate:.1f} documents/s")

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


@main.command()
@click.argument("sentence")
@_date_option
@click.option("--json", "as_json", is_flag=True, help="Print the breakdown as JSON.")
@_dict_option
@_guard
def explain(sentence, date, as_json, dictionaries):
    """Show why SENTENCE codes as it does: mentions, triggers tried, events."""
    from .explain import explain as run
    from .pipeline import Pipeline

    result = run(sentence, Pipeline(dictionaries=dictionaries), _parse_date(date))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    from .present import print_explain

    print_explain(result)


@main.command(name="eval")
@click.argument("gold", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print figures as JSON.")
@click.option("--errors", default=0, show_default=True, help="Show this many mismatches.")
@_dict_option
@_guard
def eval_command(gold, as_json, errors, dictionaries):
    """Score the coder against gold sets (default: plover-gsr, the seed, the demo gold)."""
    from .evaluate import evaluate, gold_sets_from
    from .pipeline import Pipeline

    pipeline = Pipeline(dictionaries=dictionaries)
    reports = [evaluate(g, pipeline) for g in gold_sets_from(gold)]
    if as_json:
        click.echo(json.dumps([r.to_json() for r in reports], indent=1))
        return
    from .present import print_reports

    print_reports(reports, errors)


@main.command()
@click.argument("corpus", required=False)
@click.option("--min-sentences", default=20000, show_default=True,
              help="Repeat the corpus until this many sentences are coded.")
@click.option("--analysis", is_flag=True,
              help="Time the analysis instead: align for one region and year over "
                   "--events synthetic stored events.")
@click.option("--events", default=1_000_000, show_default=True,
              help="Stored events for --analysis.")
@_dict_option
@_guard
def bench(corpus, min_sentences, analysis, events, dictionaries):
    """Measure start-up, throughput (sentences/s, one process) and peak memory."""
    from .bench import run_analysis_bench, run_bench

    if analysis:
        result = run_analysis_bench(events)
    else:
        result = run_bench(corpus, min_sentences, tuple(dictionaries))
    for key, value in result.items():
        click.echo(f"{key:28} {value}")


DEMO_WINDOWS = ("2016..2020", "2021..2025")
DEMO_CONFLICTS = [("AZE", "ARM"), ("SAU", "IRN")]


@main.command()
@click.option("--db", default="blocwatch.duckdb", show_default=True, help="DuckDB file.")
@click.option("--report", "report_path", default="blocwatch-report.html", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the HTML report.")
@_guard
def demo(db, report_path):
    """Code the bundled sample corpus into --db, print the top shifts, write the report."""
    from .analysis import Selection
    from .knowledge import DEMO_DIR
    from .present import print_summary
    from .report import write_report
    from .store import Store

    _code([str(DEMO_DIR)], db, None, None, None, None, ())
    with Store(db) as store:
        print_summary(store)
    sel = Selection(db)
    before, after = DEMO_WINDOWS
    _show(sel.shifts(before, after), "table",
          ["a", "b", "before", "after", "delta", "ci_low", "ci_high", "events"],
          f"Top shifts, {before} vs {after} (blocwatch shifts --before {before} "
          f"--after {after})", sel, top=10)
    summary = write_report(sel, report_path, before, after, DEMO_CONFLICTS)
    click.echo(f"wrote {report_path} ({len(summary['sections'])} sections); open it in a "
               "browser, it needs no network")


# -- alignment analysis ----------------------------------------------------------------


def _pairs(values) -> list[tuple[str, str]] | None:
    pairs = []
    for value in values:
        a, sep, b = value.upper().partition("-")
        if not (sep and a and b):
            raise UsageError(f"--sides {value}: write a pair as A-B, e.g. AZE-ARM")
        pairs.append((a, b))
    return pairs or None

_PERIODS = ("day", "week", "month", "quarter", "year")


def _analysis_options(period: str, formats: bool = True):
    """--db, --from/--to, --period, --countries/--region, --sectors, --format for an analysis
    command, which receives the selection they make as ``sel``."""

    def wrap_options(selecting):
        for option in reversed([
            click.option("--db", default="blocwatch.duckdb", show_default=True,
                         help="DuckDB file made by blocwatch code."),
            click.option("--from", "start", help="First date: YYYY, YYYY-MM or YYYY-MM-DD."),
            click.option("--to", "end", help="Last date: YYYY, YYYY-MM or YYYY-MM-DD."),
            click.option("--period", type=click.Choice(_PERIODS), default=period,
                         show_default=True, help="Time bucket."),
            click.option("--countries", help="Only these codes, e.g. ARM,AZE,IRN,EU."),
            click.option("--region", help="A named region, e.g. south-caucasus (members "
                                          "and outside players; see regions.yaml)."),
            click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                         default="table", show_default=True, hidden=not formats),
            click.option("--sectors", is_flag=True,
                         help="Actors at sector level (AZE/MIL, AZE/GOV) instead of states."),
            _dict_option,
        ]):
            selecting = option(selecting)
        return selecting

    def selecting_of(f):
        @functools.wraps(f)
        def selecting(db, start, end, countries, region, sectors, dictionaries, **rest):
            from .analysis import Selection

            sel = Selection.from_options(db, start, end, countries, region, dictionaries,
                                         sectors)
            return f(sel=sel, **rest)

        return _guard(selecting)  # the options themselves can be user errors

    return lambda f: wrap_options(selecting_of(f))


def _show(rows, fmt, columns, title, selection=None, top=None):
    from .present import emit

    if fmt == "table" and top:
        rows = rows[:top]
    if fmt == "table" and selection is not None:
        rows = _with_evidence(rows, selection)
        columns = [*columns, "strongest evidence"]
    emit(rows, fmt, columns, title)


def _with_evidence(rows, selection):
    """Add the sentence of each row's first evidence event, for reading in a terminal."""
    found = {e["event_id"]: e for e in selection.evidence([r["ids"][0] for r in rows
                                                          if r.get("ids")])}
    out = []
    for row in rows:
        e = found.get(row["ids"][0]) if row.get("ids") else None
        text = f"{e['date']} {e['event']}: {e['sentence'].strip()[:90]}" if e else ""
        out.append({**row, "strongest evidence": text})
    return out


@main.command()
@_analysis_options("month")
@click.option("--directed", is_flag=True,
              help="Per ordered pair: events per quad class and summed score (the dyadic "
                   "series) instead of the alignment index.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Also write the rows to .csv or .parquet.")
@_guard
def align(sel, period, fmt, directed, output):
    """The alignment index of every pair per period, with its evidence counts."""
    rows = sel.series(period) if directed else sel.align(period)
    if output:
        from .store import write_rows

        click.echo(f"wrote {write_rows(rows, Path(output))} rows to {output}", err=True)
    if directed:
        _show(rows, fmt, ["period", "source", "target", "events", "score", "verbal_coop",
                          "material_coop", "verbal_conflict", "material_conflict"],
              "Dyadic series: events per quad class")
    else:
        _show(rows, fmt, ["period", "a", "b", "index", "events", "coop", "conflict"],
              "Alignment index per pair (-1 conflict .. +1 cooperation)")


@main.command()
@_analysis_options("month")
@click.option("--before", help="Earlier window FROM..TO, e.g. 2016..2020.")
@click.option("--after", help="Later window FROM..TO, e.g. 2021..2025.")
@click.option("--top", default=20, show_default=True, help="Rows shown in a table.")
@click.option("--min-events", default=2, show_default=True,
              help="Events a pair needs in each window (0 keeps pairs silent in one).")
@_guard
def shifts(sel, period, fmt, before, after, top, min_events):
    """Pairs whose alignment moved most between two windows, with 95% bootstrap intervals."""
    _show(sel.shifts(before, after, min_events), fmt,
          ["a", "b", "before", "after", "delta", "ci_low", "ci_high", "events"],
          "Biggest, surest shifts", sel, top)


@main.command()
@click.argument("a")
@click.argument("b")
@_analysis_options("quarter")
@_guard
def sides(a, b, sel, period, fmt):
    """Which side third parties take in the A-B conflict: lean > 0 leans to A."""
    _show(sel.sides(a, b, period), fmt,
          ["period", "third", "lean", "ci_low", "ci_high", "events"],
          f"Third parties' lean: + toward {a.upper()}, - toward {b.upper()}")


@main.command()
@_analysis_options("year")
@click.option("--graphml", type=click.Path(file_okay=False),
              help="Also write each period's signed network to DIR/PERIOD.graphml.")
@_guard
def blocs(sel, period, fmt, graphml):
    """Blocs per period by signed community detection, and who moved between them."""
    rows = sel.blocs(period)
    if graphml:
        written = sel.write_graphml(period, Path(graphml))
        click.echo(f"wrote {written} networks to {graphml}", err=True)
    _show(rows, fmt, ["period", "blocs", "moved"], "Blocs per period")


@main.command()
@click.argument("a")
@click.argument("b")
@_analysis_options("month")
@_guard
def turns(a, b, sel, period, fmt):
    """Turning points (change points) in the relations of A and B, with the events around."""
    _show(sel.turns(a, b, period), fmt, ["period", "before", "after", "delta", "t", "events"],
          f"Turning points of {a.upper()}-{b.upper()}", sel)


@main.command()
@_analysis_options("quarter", formats=False)
@click.option("-o", "--output", default="report.html", show_default=True,
              type=click.Path(dir_okay=False), help="The HTML file to write.")
@click.option("--before", help="Earlier window for the shifts, FROM..TO.")
@click.option("--after", help="Later window for the shifts, FROM..TO.")
@click.option("--sides", "conflicts", multiple=True, metavar="A-B",
              help="A conflict pair whose sides to chart, e.g. AZE-ARM (repeatable; "
                   "default: the two pairs with the most conflict).")
@_guard
def report(sel, period, fmt, output, before, after, conflicts):
    """Write one self-contained, offline HTML report: network, shifts, sides, series."""
    from .report import write_report

    summary = write_report(sel, output, before, after, _pairs(conflicts), period)
    click.echo(f"wrote {output}: {', '.join(summary['sections']) or 'no events'} "
               f"({summary['events']} ties)")


@main.group(name="dict")
def dict_group():
    """Work with user dictionaries."""


@dict_group.command(name="check")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@_guard
def dict_check(folder):
    """Validate a dictionary FOLDER (same layout as the shipped data)."""
    from .knowledge import load_knowledge

    kb = load_knowledge((os.path.abspath(folder),))
    click.echo(f"{folder}: ok ({len(kb.actors.names)} names, {len(kb.actors.people)} people, "
               f"{len(kb.rules)} trigger rules in all)")


@dict_group.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="Dictionary folder to write (people.csv, states/igos/groups/sectors.yaml).")
@click.option("--people", is_flag=True,
              help="Import entries without dates as people too (for files of people only).")
@click.option("--force", is_flag=True, help="Replace the data files already in the folder.")
@_guard
def dict_import(files, folder, people, force):
    """Convert CAMEO/TABARI/PETRARCH actor or agent FILES into a dictionary folder."""
    from .knowledge.cameo import import_files

    result = import_files(files, Path(folder), people=people, force=force)
    for problem in result.problems:
        click.echo(f"problem: {problem}", err=True)
    counts = ", ".join(f"{what}: {n}" for what, n in result.counts.items())
    click.echo(f"imported into {folder}: {counts}; {len(result.problems)} problems. "
               f"Next: blocwatch dict check {folder}")
    if result.problems:
        sys.exit(EXIT_BAD_INPUT)


if __name__ == "__main__":  # pragma: no cover
    main()
