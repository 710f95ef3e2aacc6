"""The report's charts: Vega-Lite specs made with altair, rendered to inline SVG when the report is written.

Rendering at build time (vl-convert, which bundles Vega) means the pages carry no script and
fetch nothing: they open from disk, offline, under a Content-Security-Policy that forbids
scripts. Vega escapes every text it draws; check_svg still refuses any SVG holding a script,
an event handler or a foreign object before it reaches a page.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import altair as alt
import vl_convert as vlc

from newsflow.story_data import FigureDisagreement, Story, format_value, printable

INK = "#1f4e79"  # marks: 8.9:1 contrast on white
TEXT = "#1a1a1a"  # labels and titles
WIDTH = 880  # px; the SVG scales down with the page (viewBox)
_ROW = 30  # px per outlet or figure row
_LABEL_LIMIT = 280  # px before an axis label is cut with an ellipsis

# SVG elements Vega draws; anything else (script, foreignObject, image, use, a) is refused.
_ALLOWED_ELEMENTS = {"svg", "g", "path", "rect", "text", "tspan", "line", "circle", "defs", "clipPath", "title",
                     "desc", "linearGradient", "radialGradient", "stop"}


@dataclass(frozen=True)
class Chart:
    """One rendered chart: inline SVG with its own title and description, and a visible caption."""

    svg: str
    caption: str


def coverage_timeline(story: Story, chart_id: str) -> Chart | None:
    """Articles of the story by outlet and publication date; None with fewer than two dated articles."""
    chart = timeline_spec(story)
    if chart is None:
        return None
    dated = [c for c in story.coverage if c.published_date is not None]
    outlets = {c.outlet for c in dated}
    undated = len(story.coverage) - len(dated)
    days = sorted({c.published_date for c in dated if c.published_date})
    span = days[0].isoformat() if len(days) == 1 else f"{days[0].isoformat()} to {days[-1].isoformat()}"
    summary = (f"Coverage timeline: {len(dated)} dated articles from {len(outlets)} outlets, {span}."
               + (f" {undated} undated articles are not on the timeline." if undated else ""))
    return Chart(svg=_render(chart, chart_id, "Coverage by outlet and date", summary), caption=summary)


def timeline_spec(story: Story) -> alt.Chart | None:
    """The Vega-Lite chart of the coverage timeline; None when fewer than two articles are dated.

    One dot says nothing a sentence does not, and most stories of a large corpus are one
    article: skipping them keeps the report's cost to the stories that have coverage to compare."""
    dated = [c for c in story.coverage if c.published_date is not None]
    if len(dated) < 2:
        return None
    outlets = list(dict.fromkeys(printable(c.outlet) for c in dated))  # in order of first coverage
    rows = [{"outlet": printable(c.outlet), "date": c.published_date.isoformat() if c.published_date else None,
             "title": printable(c.title or "(no title)")} for c in dated]
    return alt.Chart(alt.Data(values=rows)).mark_circle(size=160, opacity=0.85, color=INK).encode(
        x=alt.X("date:T", title="Publication date",
                axis=alt.Axis(format="%d %b %Y", labelAngle=0, tickCount={"interval": "day", "step": 1}),
                scale=alt.Scale(padding=24)),
        y=alt.Y("outlet:N", title=None, sort=outlets, axis=alt.Axis(labelLimit=_LABEL_LIMIT)),
        tooltip=[alt.Tooltip("outlet:N"), alt.Tooltip("date:T"), alt.Tooltip("title:N")],
    ).properties(width=WIDTH - _LABEL_LIMIT, height=_ROW * len(outlets))


def disagreement_chart(kind: FigureDisagreement, chart_id: str) -> Chart:
    """Each outlet's value of one disputed figure, one bar per figure, labelled with outlet and date."""
    labels = _figure_labels(kind)
    summary = (f"{kind.label}: values from {format_value(kind.low)} to {format_value(kind.high)} across "
               f"{kind.outlets} outlets; "
               + "; ".join(f"{label}: {format_value(f.value)}" for label, f in zip(labels, kind.figures, strict=True))
               + ".")
    chart = disagreement_spec(kind)
    return Chart(svg=_render(chart, chart_id, f"Disagreeing figure: {kind.label}", summary), caption=summary)


def disagreement_spec(kind: FigureDisagreement) -> alt.LayerChart:
    """The Vega-Lite chart of one disputed figure: a bar per figure, its value written beside it."""
    labels = _figure_labels(kind)
    rows = [{"row": label, "value": f.value, "shown": format_value(f.value)}
            for label, f in zip(labels, kind.figures, strict=True)]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("row:N", title=None, sort=labels, axis=alt.Axis(labelLimit=_LABEL_LIMIT)),
        x=alt.X("value:Q", title=printable(kind.label), axis=alt.Axis(format="~s")),
    )
    bars = base.mark_bar(color=INK, height=_ROW * 0.6)
    values = base.mark_text(align="left", dx=4, color=TEXT, fontSize=12).encode(text="shown:N")
    return (bars + values).properties(width=WIDTH - _LABEL_LIMIT, height=_ROW * len(rows))


def _figure_labels(kind: FigureDisagreement) -> list[str]:
    """'outlet · date' per figure; two figures of one outlet on one day keep their own bars."""
    labels: list[str] = []
    seen: dict[str, int] = {}
    for f in kind.figures:
        label = f"{printable(f.outlet)} · {f.published_date.isoformat() if f.published_date else 'no date'}"
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


def check_svg(svg: str) -> None:
    """Raise ValueError unless the SVG holds only drawing elements and no script, handler or link."""
    root = ET.fromstring(svg)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag not in _ALLOWED_ELEMENTS:
            raise ValueError(f"unexpected <{tag}> in a chart")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                raise ValueError(f"unexpected attribute {local} in a chart")


def _render(chart: alt.Chart | alt.LayerChart, chart_id: str, title: str, description: str) -> str:
    """SVG of a chart, titled and described for screen readers, checked."""
    spec = chart.configure(font="sans-serif").configure_axis(
        labelColor=TEXT, titleColor=TEXT, labelFontSize=12, titleFontSize=12, gridColor="#d9d9d9",
    ).configure_view(stroke=None).to_dict(validate=False)  # the specs' shapes are validated by the tests
    svg = vlc.vegalite_to_svg(spec)
    check_svg(svg)
    head = (f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
            'focusable="false" ')
    svg = re.sub(r"^<svg ", head, svg.strip(), count=1)
    close = svg.index(">") + 1
    labels = (f'<title id="{chart_id}-title">{html.escape(printable(title))}</title>'
              f'<desc id="{chart_id}-desc">{html.escape(printable(description))}</desc>')
    return svg[:close] + labels + svg[close:]
