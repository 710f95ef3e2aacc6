"""Score main-text extraction against eval-dev/extraction gold bodies, for HTML and plain text.

Usage:
    python bench/eval_extraction.py EVAL_DEV [--direct] [--worst N] [--gate FLOORS_JSON]

By default the real pipeline runs (`newsflow run`) on the HTML pages and, separately, on
their plain-text renderings, and `articles.text` is scored with the benchmark's metric
(bench/shingles.py). --direct calls the extraction transforms in-process instead (faster
while tuning; the same code). --gate fails (exit 1) when a figure is below its pinned floor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gate import check_floors  # noqa: E402
from bench.shingles import page_counts, score  # noqa: E402
from transforms.articles import ExtractOptions, build_article, split_source  # noqa: E402
from transforms.records import Article  # noqa: E402


def naive_text(path: Path) -> str:
    """The raw file kept whole: the baseline a cleaner must beat."""
    return path.read_text("utf-8", errors="replace")


def _direct_one(path: Path) -> tuple[str, str | None]:
    options = ExtractOptions()
    results = [build_article(r, options) if not hasattr(r, "reason") else r
               for r in split_source(path.name, path.read_bytes(), options)]
    article = next((r for r in results if isinstance(r, Article)), None)
    return path.name, article.text if article else None


def extract_direct(paths: list[Path]) -> dict[str, str | None]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(_direct_one, paths, chunksize=8))


def extract_pipeline(input_dir: Path) -> dict[str, str | None]:
    """Run `newsflow run` on input_dir into a temp data dir; return {source_path: text}."""
    data = Path(tempfile.mkdtemp(prefix="newsflow-eval-"))
    try:
        newsflow = Path(sys.executable).parent / "newsflow"
        subprocess.run([str(newsflow), "run", "--input", str(input_dir), "--data", str(data)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
        try:
            return dict(con.execute("select source_path, text from articles").fetchall())
        finally:
            con.close()
    finally:
        shutil.rmtree(data, ignore_errors=True)


def evaluate(eval_dev: Path, direct: bool, worst: int) -> dict[str, dict[str, float]]:
    root = eval_dev / "extraction"
    gold = {k: v["articleBody"] for k, v in json.loads((root / "ground-truth.json").read_text("utf-8")).items()}
    figures: dict[str, dict[str, float]] = {}
    for kind, folder, suffix in (("html", "html", ".html.gz"), ("text", "text", ".txt")):
        paths = sorted((root / folder).glob(f"*{suffix}"))
        predicted = extract_direct(paths) if direct else extract_pipeline(root / folder)
        pairs = [(predicted.get(p.name), gold[p.name[: -len(suffix)]]) for p in paths]
        figures[kind] = score(pairs)
        if kind == "text":
            figures["text_naive"] = score([(naive_text(p), gold[p.name[: -len(suffix)]]) for p in paths])
        if worst:
            ranked = sorted(
                ((_f1(*page_counts(pred, g)), p.name) for (pred, g), p in zip(pairs, paths, strict=True)),
            )[:worst]
            for f1, name in ranked:
                print(f"  worst {kind}: {name} F1 {f1:.3f}")
    return figures


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dev", type=Path)
    parser.add_argument("--direct", action="store_true", help="call the transforms in-process")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each kind")
    parser.add_argument("--gate", type=Path, default=None, help="JSON of pinned floors; exit 1 below any")
    args = parser.parse_args()
    figures = evaluate(args.eval_dev, args.direct, args.worst)
    for kind, f in figures.items():
        print(f"{kind:10s} F1 {f['f1']:.4f}  P {f['precision']:.4f}  R {f['recall']:.4f}   "
              f"(micro F1 {f['micro_f1']:.4f}; {int(f['n_pages'])} pages, {int(f['n_empty'])} empty)")
    if args.gate is None:
        return 0
    measured = {f"{kind}_{metric}": value for kind, f in figures.items() for metric, value in f.items()}
    return check_floors(args.gate, "extraction", measured)

if __name__ == "__main__":
    sys.exit(main())
