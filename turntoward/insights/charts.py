"""Charts for insights and the report: pygal on the server, accessible inline SVG.

Each chart is an <svg role="img"> labelled by its own <title> and <desc>, with no script,
dark colours on white (each at least 4.5:1), a dashed line for the second person so
colour is never the only cue, and fonts large enough at 360 px. The page shows the same
numbers as a table for screen readers. WeasyPrint draws the same SVG in the PDF, so the
look is set through pygal's Style (CSS in the SVG) that both understand.
"""

from __future__ import annotations

import math
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import pygal
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

# Contrast on white: #1d5b86 8.0:1, #a13d00 6.6:1, #2d6a30 6.6:1, #7a5c00 6.2:1, #9b2226 8.2:1.
ME, PARTNER = "#1d5b86", "#a13d00"
TOWARD, AWAY, AGAINST, REPAIRED = "#2d6a30", "#7a5c00", "#9b2226", "#1d5b86"
FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH, HEIGHT = 360, 250


def _style(*colors: str) -> Style:
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#222222",
        foreground_strong="#111111",
        foreground_subtle="#555555",
        opacity="1",
        opacity_hover="1",
        transition="0s",
        colors=colors,
        font_family=FONT,
        label_font_family=FONT,
        major_label_font_family=FONT,
        value_font_family=FONT,
        value_label_font_family=FONT,
        tooltip_font_family=FONT,
        title_font_family=FONT,
        legend_font_family=FONT,
        no_data_font_family=FONT,
        label_font_size=14,
        major_label_font_size=14,
        legend_font_size=15,
        value_font_size=14,
        no_data_font_size=16,
        value_colors=("#ffffff",) * len(colors),
        guide_stroke_color="#bbbbbb",
        major_guide_stroke_color="#888888",
    )


def _config(**extra: Any) -> dict[str, Any]:
    return {
        "js": [],  # no JavaScript: pygal's tooltips script is left out
        "disable_xml_declaration": True,
        "width": WIDTH,
        "height": HEIGHT,
        "legend_at_bottom": True,
        "truncate_legend": -1,
        "truncate_label": -1,
        "x_label_rotation": 0,
        "margin": 8,
        "margin_right": 24,  # room for the last x label
        "no_data_text": _("Nothing yet"),
        "tooltip_border_radius": 0,
        **extra,
    }


@dataclass
class Chart:
    """An SVG chart with the same figures as rows for an HTML table."""

    key: str
    title: str
    description: str
    svg: SafeString
    columns: list[str]
    rows: list[list[Any]]


def _accessible(svg: str, title: str, description: str) -> SafeString:
    """Label the SVG for assistive technology and drop what it does not need."""
    root = ET.fromstring(svg)  # noqa: S314  (our own pygal output, not user input)
    base = f"chart-{uuid.uuid4().hex[:10]}"
    root.set("role", "img")
    root.set("aria-labelledby", f"{base}-title {base}-desc")
    root.set("focusable", "false")
    root.set("width", "100%")
    root.set("preserveAspectRatio", "xMidYMid meet")
    # No script at all (pygal still writes its config as one), and the per-point <desc>s
    # and tooltip holders that only its script would use.
    for parent in root.iter():
        # pygal numbers these ids per chart only (for its script), so a page with two
        # charts would repeat them.
        if (parent.get("id") or "").startswith("activate-serie"):
            del parent.attrib["id"]
        for child in list(parent):
            tag = child.tag.split("}")[-1]
            tooltip = tag == "g" and "tooltip" in (child.get("class") or "")
            if tag in ("script", "desc") or tooltip:
                parent.remove(child)
    title_el = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{base}-title"})
    title_el.text = title
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{base}-desc"})
    desc_el.text = description
    root.insert(0, desc_el)
    root.insert(0, title_el)
    text = ET.tostring(root, encoding="unicode")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return mark_safe(text)  # noqa: S308  (built from our own numbers and escaped text)


def _label(day, bucket: str) -> str:
    if bucket == "month":
        return date_format(day, "M Y")
    return date_format(day, "j M")


def _ticks(low: float, high: float, count: int = 5) -> list[int]:
    """About `count` whole-number axis labels from low to high."""
    low, high = math.floor(low), math.ceil(high)
    step = max(1, math.ceil((high - low) / count))
    return list(range(low, high + step, step))


def _thin(labels: list[str], keep: int = 6) -> list[str]:
    """Show at most `keep` x labels so they stay readable on a phone."""
    if len(labels) <= keep:
        return labels
    step = -(-len(labels) // keep)
    return [label if i % step == 0 else "" for i, label in enumerate(labels)]


def connection_chart(data, me_label: str, partner_label: str | None) -> Chart:
    """Felt connection over time, both partners side by side."""
    points = data.connection
    labels = [_label(p["date"], data.bucket) for p in points]
    chart = pygal.Line(
        **_config(
            style=_style(ME, PARTNER),
            legend_at_bottom_columns=2 if partner_label else 1,
            range=(1, 5),
            min_scale=4,
            max_scale=4,
            y_labels=[1, 2, 3, 4, 5],
            allow_interruptions=True,
            dots_size=3,
            stroke_style={"width": 2.5},
        )
    )
    chart.x_labels = _thin(labels)
    chart.add(me_label, [p["mine"] for p in points])
    if partner_label:
        chart.add(
            partner_label,
            [p["partner"] for p in points],
            stroke_style={"width": 2.5, "dasharray": "6,4"},
        )
    if data.bucket == "day":
        how = _("a 7-day average of felt connection, from 1 (far apart) to 5 (very close)")
    else:
        how = _("the average felt connection of each %(bucket)s, from 1 to 5") % {
            "bucket": _("week") if data.bucket == "week" else _("month")
        }
    title = _("Felt connection over time")
    desc = _("Line chart: %(how)s.") % {"how": how}
    if data.perception_gap is not None:
        desc += " " + _("Perception gap on days you both checked in: %(gap)+.1f.") % {
            "gap": data.perception_gap
        }
    columns = [_("When"), me_label] + ([partner_label] if partner_label else [])
    rows = [
        [lab, p["mine"]] + ([p["partner"]] if partner_label else [])
        for lab, p in zip([_label(p["date"], data.bucket) for p in points], points, strict=True)
    ]
    return Chart(
        "connection",
        title,
        desc,
        _accessible(chart.render(is_unicode=True), title, desc),
        columns,
        rows,
    )


def bids_chart(data) -> Chart:
    """Bids by week: turned toward, away, against, and repaired."""
    weeks = data.bid_weeks
    tallest = max([w["toward"] + w["away"] + w["against"] for w in weeks] or [1])
    chart = pygal.StackedBar(
        **_config(
            style=_style(TOWARD, AWAY, AGAINST),
            legend_at_bottom_columns=3,
            print_values=False,
            range=(0, max(tallest, 1)),
            y_labels=_ticks(0, max(tallest, 1), 4),
        )
    )
    labels = [_label(w["week"], data.bids.get("bucket", "week")) for w in weeks]
    chart.x_labels = _thin(labels)
    chart.add(_("Toward"), [w["toward"] for w in weeks])
    chart.add(_("Away"), [w["away"] for w in weeks])
    chart.add(_("Against"), [w["against"] for w in weeks])
    if data.bids.get("bucket") == "month":
        title = _("Turning toward, month by month")
    else:
        title = _("Turning toward, week by week")
    ratio = data.bids["ratio"]
    desc = _("Stacked bars: bids turned toward, away and against in each period.")
    if ratio is not None:
        desc += " " + _("Over the period %(ratio)d%% of answered bids were turned toward.") % {
            "ratio": ratio
        }
    columns = [_("From"), _("Toward"), _("Away"), _("Against"), _("Repaired"), _("Toward %")]
    rows = [
        [lab, w["toward"], w["away"], w["against"], w["repaired"], w["ratio"]]
        for lab, w in zip(labels, weeks, strict=True)
    ]
    return Chart(
        "bids", title, desc, _accessible(chart.render(is_unicode=True), title, desc), columns, rows
    )


def balance_chart(data, me_label: str, partner_label: str) -> Chart:
    """Each partner's share of each practice, as two parts of one bar."""
    shown = [s for s in data.balance if s.my_share is not None]
    drawn = shown[::-1]  # pygal draws horizontal bars bottom-up; keep the reading order
    chart = pygal.HorizontalStackedBar(
        **_config(
            style=_style(ME, PARTNER),
            legend_at_bottom_columns=2,
            range=(0, 100),
            y_labels=[0, 50, 100],
            height=max(HEIGHT, 80 + 44 * len(shown)),
            print_values=True,
            value_formatter=lambda v: f"{v:.0f}%",
        )
    )
    chart.x_labels = [s.label for s in drawn]
    chart.add(me_label, [s.my_share for s in drawn])
    chart.add(partner_label, [s.partner_share for s in drawn])
    title = _("How you share the effort")
    desc = _(
        "Bars split in two: the share each of you took in each practice. A pattern to talk "
        "about, not a score."
    )
    columns = [_("Practice"), me_label, partner_label]
    rows = [
        [s.label, f"{s.my_share}% ({s.mine})", f"{s.partner_share}% ({s.partner})"] for s in shown
    ]
    return Chart(
        "balance",
        title,
        desc,
        _accessible(chart.render(is_unicode=True), title, desc),
        columns,
        rows,
    )


def measure_chart(measure: dict[str, Any]) -> Chart:
    """My results of one measure over time, with its cut-off line when it has one."""
    points = measure["points"]
    cutoff = measure.get("cutoff")
    scores = [p["score"] for p in points]
    bounds = scores + ([cutoff] if cutoff is not None else [])
    chart = pygal.Line(
        **_config(
            style=_style(ME, "#333333"),
            legend_at_bottom_columns=2 if cutoff is not None else 1,
            dots_size=4,
            stroke_style={"width": 2.5},
            range=(math.floor(min(bounds)) - 1, math.ceil(max(bounds)) + 1),
            y_labels=_ticks(min(bounds) - 1, max(bounds) + 1),
        )
    )
    labels = [date_format(p["date"], "j M Y") for p in points]
    # An empty slot at each end lets the cut-off line run across, even for one result.
    chart.x_labels = ["", *_thin(labels, 4), ""]
    chart.add(_("My result"), [None, *scores, None])
    if cutoff is not None:
        chart.add(
            _("Cut-off %(value)s") % {"value": cutoff},
            [cutoff] * (len(points) + 2),
            show_dots=False,
            stroke_style={"width": 2.5, "dasharray": "6,3"},
        )
    title = _("%(name)s over time") % {"name": measure["name"]}
    desc = _("Line chart of my results, oldest first.")
    if cutoff is not None:
        desc += " " + _("The dashed line marks the cut-off, %(value)s.") % {"value": cutoff}
    columns = [_("Date"), _("Result")]
    rows = [[lab, p["score"]] for lab, p in zip(labels, points, strict=True)]
    return Chart(
        f"measure-{measure['slug']}",
        title,
        desc,
        _accessible(chart.render(is_unicode=True), title, desc),
        columns,
        rows,
    )


def charts_for(data, me_label: str, partner_label: str | None, measures=None) -> list[Chart]:
    """The charts for an insights result; measures limited to the given slugs."""
    charts = [connection_chart(data, me_label, partner_label)]
    if data.bid_weeks:
        charts.append(bids_chart(data))
    if partner_label and any(s.my_share is not None for s in data.balance):
        charts.append(balance_chart(data, me_label, partner_label))
    for measure in data.measures:
        if measures is None or measure["slug"] in measures:
            charts.append(measure_chart(measure))
    return charts
