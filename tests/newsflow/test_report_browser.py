"""The report in a real browser: Debian's headless Chromium opens the pages from disk (file://).

Driven through the DevTools protocol by playwright with executable_path set, so no browser is
ever downloaded; the flags keep Chromium off the network (no QUIC, no background requests,
no component updates, no sync). Skipped only when no chromium binary exists.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsflow.cli import main
from newsflow.report import page_name
from tests.newsflow.conftest import seed_query, without_revenge_story

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and Path(p).is_file()), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SECTIONS = ["Coverage timeline", "Shared statements", "Figures that disagree", "Who and what is mentioned",
            "Who reported it first"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")

# Contrast of every text element against the background it sits on (WCAG relative luminance).
_CONTRAST_JS = """
() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b]
    .map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const worst = [];
  for (const el of document.querySelectorAll('h1, h2, h3, p, li, th, td, a, figcaption, caption, span, q')) {
    if (!el.textContent.trim() || el.closest('svg') || el.getClientRects().length === 0) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) worst.push([el.tagName, el.textContent.trim().slice(0, 40), ratio]);
  }
  return worst;
}
"""


@pytest.fixture(scope="module")
def browser_report(seed_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-report") / "out"
    assert main(["report", "--data", str(seed_data), "--out", str(out)]) == 0
    return out


@pytest.fixture
def page(tmp_path: Path) -> Iterator[tuple[object, list[str], list[str]]]:
    """A Chromium page, with the console errors and the non-file requests it makes."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            tab = context.new_page()
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file://") else None)
            yield tab, errors, requests
        finally:
            context.close()


def test_the_story_page_renders_its_sections_and_both_charts_from_disk(
    seed_data: Path, browser_report: Path, page: tuple, tmp_path: Path
) -> None:
    tab, errors, requests = page
    story_id, _ = without_revenge_story(seed_data)
    tab.goto((browser_report / "index.html").as_uri())
    tab.click(f'a[href="stories/{page_name(story_id)}"]')  # the index links to the page, from disk
    tab.wait_for_load_state("load")
    assert tab.url.endswith(f"/stories/{page_name(story_id)}")
    headings = [h.strip() for h in tab.locator("h2").all_inner_texts()]
    assert headings == SECTIONS
    dated = seed_query(seed_data, "select count(*) from articles where story_id = ? and published_date is not null",
                       [story_id])[0][0]
    timeline = tab.locator("#timeline-chart svg")
    box = timeline.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 40
    assert timeline.locator(".mark-symbol path").count() == dated  # one dot per dated article
    figures = tab.locator(".figure-chart svg")
    assert figures.count() >= 1
    bars = figures.first.locator(".mark-rect path")
    figure_rows = tab.locator("section[aria-labelledby=figures] table").first.locator("tbody tr")
    assert bars.count() == figure_rows.count() >= 2  # one bar per outlet's figure of the first kind
    fbox = figures.first.bounding_box()
    assert fbox and fbox["width"] > 300 and fbox["height"] > 40
    assert "727" in figures.first.inner_html() and "826" in figures.first.inner_html()
    assert tab.locator("text=conquest without revenge").count() >= 2
    assert tab.evaluate(_CONTRAST_JS) == []
    screenshot = tmp_path / "story.png"
    tab.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert errors == [] and requests == []


def test_the_index_renders_offline_without_errors(browser_report: Path, page: tuple) -> None:
    tab, errors, requests = page
    tab.goto((browser_report / "index.html").as_uri())
    assert tab.locator("h1").inner_text() == "Stories"
    assert tab.locator("table tbody tr").count() >= 1
    assert tab.evaluate(_CONTRAST_JS) == []
    assert errors == [] and requests == []
