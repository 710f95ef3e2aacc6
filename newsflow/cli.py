"""The newsflow command line: run, sql."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import duckdb

    from flows.pipeline import RunSummary
    from warehouse.layout import DataLayout


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line of stderr like every other newsflow error."""

    def error(self, message: str) -> NoReturn:
        """Print `newsflow: <message>` and exit 2 (argparse would print the usage too)."""
        self.exit(2, f"{self.prog}: {message}\n")


def _quiet_prefect() -> None:
    """Defaults that keep a good run free of noise; set before Prefect is imported."""
    # The machine has no network: telemetry would log an error on every run.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The ephemeral server needs more than its 20 s default on a loaded machine; a run that
    # cannot reach it fails before doing anything.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # The ephemeral server logs harmless SQLite "database is locked" tracebacks and shutdown
    # CancelledErrors (PrefectHQ/prefect#18934); only its critical errors are worth showing.
    if not os.environ.get("PREFECT_API_URL"):
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="newsflow", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="one pipeline run over every file under --input")
    run.add_argument("--input", default="seeds", help="input dir (default: seeds)")
    run.add_argument("--data", default="data", help="data dir (default: data)")
    run.add_argument("--full-refresh", action="store_true", help="rebuild everything from the raw files")
    run.add_argument("--max-file-bytes", type=int, default=None,
                     help="size cap of one input file in bytes (default 50 MiB, or NEWSFLOW_MAX_FILE_BYTES)")
    run.add_argument("--verify", action="store_true",
                     help="hash every input file, even when its size and modification time are unchanged")
    run.add_argument("--follow-symlinks", action="store_true",
                     help="ingest the files that symlinks inside --input point to outside it")
    run.add_argument("--wait", action="store_true",
                     help="wait for another run holding the data dir to finish instead of failing at once")
    # validated by Settings.from_env: importing the settings here would slow `newsflow sql` down
    run.add_argument("--task-runner", default="default", metavar="{default,dask}",
                     help="where extraction and per-article stages run: default (local worker processes) "
                          "or dask (a Dask cluster)")
    run.add_argument("--dask-address", metavar="tcp://HOST:PORT", default=None,
                     help="a running Dask scheduler (with --task-runner dask; default: a local cluster)")
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
    except BrokenPipeError:
        # the reader stopped early (`newsflow sql ... | head`): not an error worth a traceback;
        # point stdout at /dev/null so the interpreter's final flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a command ended by SIGPIPE


def _run(args: argparse.Namespace) -> int:
    _quiet_prefect()
    from newsflow.settings import Settings
    from warehouse.inputs import InputDirError
    from warehouse.layout import DataDirError, prepare

    try:
        # Built once here and passed down typed: the flow reads nothing from the environment.
        settings = Settings.from_env(
            args.input, args.data, full_refresh=args.full_refresh, max_file_bytes=args.max_file_bytes,
            verify=args.verify, follow_symlinks=args.follow_symlinks, wait=args.wait,
            task_runner=args.task_runner, dask_address=args.dask_address,
        )
        input_dir = Path(args.input)
        if not input_dir.is_dir():
            reason = "does not exist" if not input_dir.exists() else "is not a directory"
            raise InputDirError(f"input dir {args.input} {reason}")
        layout = prepare(Path(args.data))
        _check_run_lock(layout, wait=settings.wait)
    except (ValueError, InputDirError, DataDirError) as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"newsflow: {exc.strerror or exc}: {exc.filename or args.data}", file=sys.stderr)
        return 2

    from flows.pipeline import run_flow

    state = run_flow(settings)
    if not state.is_completed():
        message = state.message or "the run failed"
        try:
            state.result()
        except Exception as exc:  # the flow's own exception carries the reason
            message = f"{type(exc).__name__}: {exc}"
        first_line = (message.strip().splitlines() or ["the run failed"])[0]  # the details are in the run's log
        print(f"newsflow: run failed: {first_line}", file=sys.stderr)
        return 1
    summary: RunSummary = state.result()
    if args.summary:
        print(_format_summary(summary))
    return 0


def _check_run_lock(layout: DataLayout, *, wait: bool) -> None:
    """Fail at once (one line, before Prefect starts) when another run holds the data dir, unless waiting."""
    from warehouse.layout import DataDirError, run_lock

    try:
        with run_lock(layout):
            pass  # free now; the flow takes the lock for real
    except DataDirError as exc:
        if not wait:
            raise
        # The flow's own run_lock(wait=True) blocks until the other run ends.
        print(f"newsflow: {exc}; waiting for it to finish (--wait)", file=sys.stderr, flush=True)


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
    # A failed run does not stop the schedule: the next one still comes. One run at a time
    # (limit=1): runs share the data dir's lock, so a run started while another is going would
    # only fail; a scheduled run that comes during a long one waits for it instead.
    newsflow_run.serve(name=args.name, cron=args.cron, interval=args.interval, parameters=parameters,
                       pause_on_shutdown=False, limit=1)
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
    try:
        con = _connect_read_only(path.resolve().parent)
    except duckdb.Error as exc:
        print(f"newsflow: cannot open the warehouse: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    try:
        refusal = _refusal(con, args.query)
        if refusal:
            print(f"newsflow: {refusal}", file=sys.stderr)
            return 2
        with _interrupt_on_sigint(con):
            relation = con.sql(args.query)
            if relation is None:
                print("newsflow: the statement returned no rows", file=sys.stderr)
                return 0
            _print_relation(relation, args.format)
    except (duckdb.InterruptException, KeyboardInterrupt):
        print("newsflow: interrupted", file=sys.stderr)
        return 130
    except duckdb.Error as exc:
        print(f"newsflow: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def _connect_read_only(snapshot: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to one published snapshot that can read no file but that snapshot's lake."""
    import duckdb

    from warehouse.layout import LAKE_DIR, WAREHOUSE_FILE

    # The snapshot dir, not DATA/warehouse.duckdb: a run publishing meanwhile does not move this query.
    con = duckdb.connect(str(snapshot / WAREHOUSE_FILE), read_only=True,
                         config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        # Order matters: DuckDB takes allowed_directories only while external access is still on,
        # and locking the configuration stops a query from turning access back on (SET, PRAGMA).
        # Tables may be views over this lake, so it stays readable; every other path is refused
        # (DuckDB resolves symlinks and '..' before comparing).
        con.execute("set allowed_directories = $dirs", {"dirs": [f"{snapshot / LAKE_DIR}/"]})
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def _interrupt_on_sigint(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Ctrl-C stops the running query (DuckDB's own interrupt) instead of waiting for it to end."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; elsewhere Ctrl-C is not ours to catch
        return
    pressed: list[int] = []

    def on_sigint(signum: int, frame: object) -> None:
        pressed.append(signum)
        con.interrupt()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:  # pressed while no query was running (printing): stop all the same
        raise KeyboardInterrupt


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


def _print_relation(relation: duckdb.DuckDBPyRelation, fmt: str) -> None:
    """Print a query's result as a table, CSV (RFC 4180 quoting, LF line ends) or JSON lines."""
    import json

    if fmt == "table":
        relation.show(max_width=200, max_rows=1000)
        return
    columns = list(relation.columns)
    rows = relation.fetchall()
    if fmt == "csv":
        sys.stdout.write(_csv_line(columns))
        for row in rows:
            sys.stdout.write(_csv_line(row))
    else:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))


def _csv_line(values: Sequence[object]) -> str:
    """One CSV record ending in LF: a field with a comma, quote, CR or LF is quoted, quotes doubled."""
    # The csv module quotes a CR only when it is part of the line terminator: with LF line ends
    # it would leave a bare CR unquoted, which RFC 4180 readers take for a line break.
    fields = ["" if value is None else str(value) for value in values]
    quoted = ['"' + f.replace('"', '""') + '"' if any(c in f for c in ',"\r\n') else f for f in fields]
    if quoted == [""]:
        quoted = ['""']  # a record of one empty field would otherwise be a blank line
    return ",".join(quoted) + "\n"


if __name__ == "__main__":
    sys.exit(main())
