"""The newsflow command line: run, sql."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.pipeline import RunSummary


def _quiet_prefect() -> None:
    """Defaults that keep a good run free of noise; set before Prefect is imported."""
    # The machine has no network: telemetry would log an error on every run.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The ephemeral server logs harmless SQLite "database is locked" tracebacks and shutdown
    # CancelledErrors (PrefectHQ/prefect#18934); only its critical errors are worth showing.
    if not os.environ.get("PREFECT_API_URL"):
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsflow", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="one pipeline run over every file under --input")
    run.add_argument("--input", default="seeds", help="input dir (default: seeds)")
    run.add_argument("--data", default="data", help="data dir (default: data)")
    run.add_argument("--full-refresh", action="store_true", help="rebuild everything from the raw files")
    run.add_argument("--max-file-bytes", type=int, default=None,
                     help="size cap of one input file in bytes (default 50 MiB, or NEWSFLOW_MAX_FILE_BYTES)")
    run.add_argument("--summary", action="store_true",
                     help="print row counts, paths and example queries when done")

    sql = commands.add_parser("sql", help="query the warehouse read-only")
    sql.add_argument("--data", default="data", help="data dir (default: data)")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument("query", help="the SQL query")

    serve = commands.add_parser("serve", help="serve the flow as a Prefect deployment on a schedule")
    serve.add_argument("--input", default="seeds", help="input dir (default: seeds)")
    serve.add_argument("--data", default="data", help="data dir (default: data)")
    schedule = serve.add_mutually_exclusive_group(required=True)
    schedule.add_argument("--cron", help='cron schedule, e.g. "0 * * * *"')
    schedule.add_argument("--interval", type=int, help="seconds between runs (>= 1)")
    serve.add_argument("--name", default="newsflow", help="deployment name (default: newsflow)")

    commands.add_parser("schema", help="print the data dictionary (tables, columns, meanings) as Markdown")

    stories = commands.add_parser("stories", help="list the stories, newest first")
    stories.add_argument("--data", default="data", help="data dir (default: data)")
    stories.add_argument("--format", choices=("table", "csv", "json"), default="table")
    story = commands.add_parser("story", help="print one story: coverage, shared statements, disagreeing figures")
    story.add_argument("story_id", help="a story id from `newsflow stories` (or a unique prefix of one)")
    story.add_argument("--data", default="data", help="data dir (default: data)")
    report = commands.add_parser("report", help="write a static HTML report of the stories (opens from disk)")
    report.add_argument("--data", default="data", help="data dir (default: data)")
    report.add_argument("--out", required=True, help="output dir for index.html and one page per story")

    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "schema":
            from warehouse.dictionary import dictionary_markdown

            print(dictionary_markdown())
            return 0
        if args.command in ("stories", "story"):
            from newsflow import stories_view

            return stories_view.stories_command(args) if args.command == "stories" else stories_view.story_command(args)
        if args.command == "report":
            from newsflow.report import report_command

            return report_command(args)
        return _sql(args)
    except KeyboardInterrupt:
        print("newsflow: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    _quiet_prefect()
    from newsflow.settings import Settings
    from warehouse.inputs import InputDirError
    from warehouse.layout import DataDirError, prepare, run_lock

    try:
        settings = Settings.from_env(args.input, args.data, full_refresh=args.full_refresh,
                                     max_file_bytes=args.max_file_bytes)
        input_dir = Path(args.input)
        if not input_dir.is_dir():
            reason = "does not exist" if not input_dir.exists() else "is not a directory"
            raise InputDirError(f"input dir {args.input} {reason}")
        layout = prepare(Path(args.data))
        with run_lock(layout):
            pass  # fail fast with one line; the flow takes the lock for real
    except (ValueError, InputDirError, DataDirError) as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2

    from flows.pipeline import newsflow_run

    state = newsflow_run(settings, return_state=True)
    if not state.is_completed():
        message = state.message or "the run failed"
        try:
            state.result()
        except Exception as exc:  # the flow's own exception carries the reason
            message = f"{type(exc).__name__}: {exc}"
        print(f"newsflow: run failed: {message}", file=sys.stderr)
        return 1
    summary: RunSummary = state.result()
    if args.summary:
        print(_format_summary(summary))
    return 0


def _serve(args: argparse.Namespace) -> int:
    """Register a deployment of the flow with the schedule and run it until stopped (Ctrl-C)."""
    _quiet_prefect()
    from warehouse.layout import DataDirError, prepare

    if args.interval is not None and args.interval < 1:
        print("newsflow: --interval must be at least 1 second", file=sys.stderr)
        return 2
    input_dir = Path(args.input)
    if not input_dir.is_dir():
        print(f"newsflow: input dir {args.input} does not exist", file=sys.stderr)
        return 2
    try:
        prepare(Path(args.data))
    except DataDirError as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    from flows.pipeline import newsflow_run
    from newsflow.settings import Settings

    # Absolute paths: the runs happen wherever the served process runs them.
    parameters = {"settings": Settings.from_env(input_dir.resolve(), Path(args.data).resolve())}
    # A failed run does not stop the schedule: the next one still comes.
    newsflow_run.serve(name=args.name, cron=args.cron, interval=args.interval, parameters=parameters,
                       pause_on_shutdown=False)
    return 0


def _format_summary(summary: RunSummary) -> str:
    run = summary.run
    lines = [
        "",
        f"newsflow run {run.run_id} {run.status} in "
        f"{(run.finished_at - run.started_at).total_seconds():.1f} s"
        if run.finished_at else f"newsflow run {run.run_id} {run.status}",
        f"  files: {run.files_seen} seen, {run.files_added} added, {run.files_changed} changed, "
        f"{run.files_unchanged} unchanged, {run.files_deleted} deleted, {run.files_rejected} rejected",
        "  rows:  " + ", ".join(f"{table} {count}" for table, count in summary.row_counts),
        f"  warehouse: {summary.warehouse}",
        f"  lake:      {summary.lake}/<table>/*.parquet",
        "",
        "Try:",
        '  .venv/bin/newsflow sql "select source_name, published_date, title, word_count from articles '
        'order by published_date"',
        "  .venv/bin/newsflow sql \"select source_path, reason from rejected_files\"",
    ]
    return "\n".join(lines)


def _sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.layout import DataLayout

    layout = DataLayout(Path(args.data).resolve())
    path = layout.published_warehouse()
    if path is None:
        print(f"newsflow: no warehouse under {args.data} yet: run `newsflow run` first", file=sys.stderr)
        return 2
    con = duckdb.connect(str(path), read_only=True, config={"autoinstall_known_extensions": False})
    try:
        refusal = _refusal(con, args.query)
        if refusal:
            print(f"newsflow: {refusal}", file=sys.stderr)
            return 2
        relation = con.sql(args.query)
        if relation is None:
            print("newsflow: the statement returned no rows", file=sys.stderr)
            return 0
        _print_relation(relation, args.format)
    except duckdb.Error as exc:
        print(f"newsflow: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


# Statements `newsflow sql` runs: queries only. Everything else is refused before it runs.
_READ_STATEMENTS = {"SELECT", "EXPLAIN"}


def _refusal(con: object, query: str) -> str | None:
    """Why a query is refused (it writes, attaches, installs ...), or None for a read."""
    import duckdb

    try:
        statements = con.extract_statements(query)  # type: ignore[attr-defined]
    except duckdb.Error as exc:
        return str(exc).splitlines()[0]
    if not statements:
        return "no statement to run"
    for statement in statements:
        kind = str(statement.type).rsplit(".", 1)[-1]
        if kind not in _READ_STATEMENTS:
            return (f"refused: {kind} statements are not allowed; `newsflow sql` is read-only "
                    "(SELECT, WITH ... SELECT, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)")
    return None


def _print_relation(relation: object, fmt: str) -> None:
    import csv
    import json

    columns = list(relation.columns)  # type: ignore[attr-defined]
    rows = relation.fetchall()  # type: ignore[attr-defined]
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
    else:
        relation.show(max_width=200, max_rows=1000)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
