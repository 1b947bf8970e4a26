"""Help lines: by country and category, the international fallback, the instance's file."""

from __future__ import annotations

import pytest

from turntoward.language import helplines
from turntoward.language.helplines import help_for


@pytest.fixture(autouse=True)
def _fresh():
    helplines._load.cache_clear()
    yield
    helplines._load.cache_clear()


def names(lines):
    return [line["name"] for line in lines]


@pytest.mark.parametrize("country", ["US", "GB", "IN"])
def test_each_bundled_country_has_crisis_abuse_and_emergency_lines(country):
    lines = helplines.table()[country]
    purposes = {p for line in lines for p in line["for"]}
    assert purposes == {"crisis", "domestic_abuse", "emergency"}
    for line in lines:
        assert line["reviewed"] == "2026-11-22"
        assert line["number"] or line["url"]


def test_self_harm_gets_crisis_lines_first_and_no_abuse_lines():
    lines = help_for("GB", ["self_harm"])
    assert lines[0]["name"] == "Samaritans"
    assert lines[0]["number"] == "116 123"
    assert all("domestic_abuse" not in line["for"] for line in lines)
    assert lines[-1]["for"] == ["emergency"]


@pytest.mark.parametrize("category", ["partner_violence", "fear_of_partner", "coercive_control"])
def test_partner_categories_get_abuse_lines(category):
    lines = help_for("US", [category])
    assert lines[0]["number"] == "1-800-799-7233"
    assert "988 Suicide & Crisis Lifeline" not in names(lines)


def test_both_kinds_of_risk_get_both_kinds_of_line_once_each():
    lines = help_for("IN", ["self_harm", "fear_of_partner"])
    assert names(lines)[:2] == ["Tele-MANAS (national mental health helpline)", "Women Helpline"]
    assert len(names(lines)) == len(set(names(lines)))


def test_country_codes_are_case_insensitive():
    assert help_for("us", ["self_harm"]) == help_for("US", ["self_harm"])


@pytest.mark.parametrize("country", ["FR", "", None])
def test_other_countries_get_the_international_fallback(country):
    lines = help_for(country, ["self_harm"])
    assert lines[0]["url"] == "https://findahelpline.com"
    assert lines[0]["country"] == "*"


def test_no_risk_no_lines():
    assert help_for("GB", []) == []


def test_the_instance_can_add_and_replace_lines(settings, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "FR:\n"
        "  - name: Example crisis line\n"
        '    number: "3114"\n'
        "    for: [crisis]\n"
        "    reviewed: 2026-11-22\n"
        "GB:\n"
        "  - name: Samaritans\n"
        "    number: 116 123\n"
        "    for: [crisis]\n"
        "    hours: always\n"
        "    reviewed: 2026-12-01\n",
        encoding="utf-8",
    )
    settings.HELPLINES_FILE = str(extra)
    assert names(help_for("FR", ["self_harm"]))[0] == "Example crisis line"
    samaritans = help_for("GB", ["self_harm"])[0]
    assert (samaritans["hours"], samaritans["reviewed"]) == ("always", "2026-12-01")
    assert names(help_for("GB", ["coercive_control"]))[0].startswith("National Domestic Abuse")


def test_a_broken_entry_is_refused(settings, tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("FR:\n  - name: Nothing here\n    for: [gossip]\n", encoding="utf-8")
    settings.HELPLINES_FILE = str(extra)
    with pytest.raises(ValueError):
        help_for("FR", ["self_harm"])
