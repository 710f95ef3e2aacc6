"""Time `newsflow run` over N files (first run and no-op rerun) and print the figures.

Usage: python bench/bench_runs.py EVAL_DEV_DIR [--files 1000] [--workdir DIR]

The input is made from EVAL_DEV_DIR/extraction (HTML pages and their plain-text renderings)
and seeds/, each copy made distinct by a variant marker so every file is new work.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_input(eval_dev: Path, target: Path, n_files: int) -> None:
    """Write n_files distinct input files under target."""
    sources: list[tuple[str, bytes]] = []
    for page in sorted((eval_dev / "extraction" / "html").glob("*.html.gz")):
        sources.append(("html", gzip.decompress(page.read_bytes())))
    for page in sorted((eval_dev / "extraction" / "text").glob("*.txt")):
        sources.append(("txt", page.read_bytes()))
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        sources.append(("txt", seed.read_bytes()))
    target.mkdir(parents=True)
    for i in range(n_files):
        suffix, data = sources[i % len(sources)]
        marker = f"\n<!-- variant {i} -->\n" if suffix == "html" else f"\nVariant {i}.\n"
        (target / f"{i // 100:02d}").mkdir(exist_ok=True)
        (target / f"{i // 100:02d}" / f"doc-{i:05d}.{suffix}").write_bytes(data + marker.encode())


def timed_run(input_dir: Path, data_dir: Path) -> float:
    """Run the CLI once; return wall seconds (raises if it fails)."""
    newsflow = Path(sys.executable).parent / "newsflow"
    start = time.perf_counter()
    subprocess.run(
        [str(newsflow), "run", "--input", str(input_dir), "--data", str(data_dir)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def stage_share(input_dir: Path) -> str:
    """Single-core time of extraction and of quote extraction over the same files."""
    sys.path.insert(0, str(REPO))
    from transforms.articles import ExtractOptions, build_article, split_source
    from transforms.quotes import extract_quotes
    from transforms.records import Article

    options = ExtractOptions()
    articles: list[Article] = []
    start = time.perf_counter()
    for path in sorted(input_dir.rglob("*.*")):
        for record in split_source(path.name, path.read_bytes(), options):
            result = build_article(record, options) if not hasattr(record, "reason") else record
            if isinstance(result, Article):
                articles.append(result)
    extraction = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        extract_quotes(article.article_id, article.text)
    quotes = time.perf_counter() - start
    words = sum(a.word_count for a in articles)
    return (f"single core over {len(articles)} articles ({words} words): extraction {extraction:.1f} s, "
            f"quotes {quotes:.2f} s = {100 * quotes / extraction:.1f}% of extraction")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("eval_dev", type=Path, help="path to shared/eval-dev")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsflow-bench-"))
    try:
        seeds_data = work / "seeds-data"
        first_seeds = timed_run(REPO / "seeds", seeds_data)
        rerun_seeds = timed_run(REPO / "seeds", seeds_data)
        print(f"seeds (5 files): first run {first_seeds:.1f} s, rerun {rerun_seeds:.1f} s")
        input_dir = work / "input"
        make_input(args.eval_dev, input_dir, args.files)
        data = work / "data"
        first = timed_run(input_dir, data)
        rerun = timed_run(input_dir, data)
        print(f"{args.files} files: first run {first:.1f} s ({args.files / first:.0f} files/s), "
              f"rerun {rerun:.1f} s")
        print(stage_share(input_dir))
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
