"""Every instrument file follows one schema, and its wording reaches gettext."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command

from turntoward.assessments import messages, scoring
from turntoward.core.content import read_yaml

FILES = scoring.definition_files()
REQUIRED = {
    "slug", "name", "short_name", "description", "instructions", "citation", "licence",
    "options", "items", "range", "cutoff", "bands", "follow_up", "crisis",
}  # fmt: skip
ALLOWED = REQUIRED | {"order", "optional", "subscales"}
PFIZER = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)
# The PHQ forms say "by any of the following problems", the GAD forms "by the following".
PFIZER_STEM = {
    "phq": "Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    "gad": "Over the last 2 weeks, how often have you been bothered by the following problems?",
}


def test_the_seven_instruments_are_there():
    assert {p.stem for p in FILES} == {
        "connection-check", "csi-4", "phq-2", "phq-9", "gad-2", "gad-7", "rses",
    }  # fmt: skip


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_file_follows_the_schema(path: Path):
    data = read_yaml(path)
    assert set(data) >= REQUIRED, REQUIRED - set(data)
    assert set(data) <= ALLOWED, set(data) - ALLOWED
    assert data["slug"] == path.stem
    for key in ("name", "description", "instructions", "citation", "licence"):
        assert isinstance(data[key], str) and data[key].strip(), key
    assert data["items"], "an instrument needs items"
    subscales = {s["slug"] for s in data.get("subscales") or []}
    for number, item in enumerate(data["items"], start=1):
        assert set(item) <= {"text", "options", "reverse", "subscale"}, number
        assert isinstance(item["text"], str) and item["text"].strip()
        options = item.get("options") or data["options"]
        assert len(options) >= 2, number
        for option in options:
            assert set(option) == {"label", "points"}
            assert isinstance(option["points"], int) and not isinstance(option["points"], bool)
        assert isinstance(item.get("reverse", False), bool)
        if subscales:
            assert item.get("subscale") in subscales, number
        else:
            assert "subscale" not in item

    inst = scoring.build(data)
    lowest = sum(min(o.points for o in i.options) for i in inst.items)
    highest = sum(max(o.points for o in i.options) for i in inst.items)
    assert (inst.range_min, inst.range_max) == (lowest, highest)
    # Bands cover the whole range, in order, without gaps or overlaps.
    edges = [(b.min, b.max) for b in inst.bands]
    assert edges[0][0] == inst.range_min and edges[-1][1] == inst.range_max
    for (_, high), (low, _) in pairwise(edges):
        assert low == high + 1
    assert len({b.slug for b in inst.bands}) == len(inst.bands)
    assert inst.cutoff is None or inst.range_min <= inst.cutoff <= inst.range_max
    if inst.follow_up_instrument:
        assert scoring.instrument(inst.follow_up_instrument) is not None
    if inst.crisis_item:
        assert 1 <= inst.crisis_item <= len(inst.items)


@pytest.mark.parametrize("slug", ["phq-2", "phq-9", "gad-2", "gad-7"])
def test_pfizer_instruments_carry_the_exact_stem_options_and_attribution(slug):
    inst = scoring.instrument(slug)
    assert inst.instructions == PFIZER_STEM[slug[:3]]
    assert inst.licence == PFIZER
    for item in inst.items:
        assert [(o.label, o.points) for o in item.options] == [
            ("Not at all", 0),
            ("Several days", 1),
            ("More than half the days", 2),
            ("Nearly every day", 3),
        ]


def test_short_forms_are_the_first_items_of_the_long_ones():
    assert [i.text for i in scoring.instrument("phq-2").items] == [
        i.text for i in scoring.instrument("phq-9").items[:2]
    ]
    assert [i.text for i in scoring.instrument("gad-2").items] == [
        i.text for i in scoring.instrument("gad-7").items[:2]
    ]
    assert len(scoring.instrument("phq-9").items) == 9
    assert len(scoring.instrument("gad-7").items) == 7
    assert "better off dead" in scoring.instrument("phq-9").items[8].text


def test_citations_name_their_authors():
    assert "Funk" in scoring.instrument("csi-4").citation
    assert "Rogge" in scoring.instrument("csi-4").citation
    assert "free for research and clinical use" in scoring.instrument("csi-4").licence
    assert "Rosenberg" in scoring.instrument("rses").citation
    assert "1965" in scoring.instrument("rses").citation


def test_every_wording_is_marked_for_translation():
    call_command("instrument_messages", "--check")
    text = messages.TARGET.read_text(encoding="utf-8")
    for inst in scoring.instruments():
        assert inst.name in text or f'"{inst.name}"' in text
        for item in inst.items:
            assert messages.render([item.text]).splitlines()[-2] in text
