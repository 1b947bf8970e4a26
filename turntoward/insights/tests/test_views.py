"""The insights page, the report form and the PDF download, by page and by API."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from turntoward.testing import api_for

from .conftest import ALICE_PHQ_BAND, BOB_PHQ_BAND, BOB_SHARED_BAND


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_page_shows_figures_charts_and_tables(story, alice):
    html = client_for(alice).get("/insights/?period=4w").content.decode()

    assert "Perception gap" in html
    assert "-2.0" in html
    assert "<strong>70%</strong> of answered bids were turned toward" in html
    assert "56%" in html and "44%" in html
    assert "You both checked in on <strong>6</strong> of the last 30 days." in html
    assert "Your turn-toward ratio rose from 60% to 80%." in html
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<table" in html and "The numbers:" in html


@pytest.mark.parametrize("period", ["4w", "1y"])
def test_every_id_on_the_page_is_unique_whatever_the_number_of_charts(story, alice, period):
    import re
    from collections import Counter

    html = client_for(alice).get(f"/insights/?period={period}").content.decode()
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert html.count("<svg") >= 3
    assert [i for i, n in ids.items() if n > 1] == []


def test_the_page_shows_only_my_page_measures_and_partner_shared_summary(story, alice):
    html = client_for(alice).get("/insights/").content.decode()

    assert "CSI-4" in html
    assert BOB_PHQ_BAND not in html and ">21<" not in html
    assert "What Bob chose to share" in html


def test_the_period_links_mark_the_current_one_and_an_unknown_falls_back_kindly(story, alice):
    client = client_for(alice)

    html = client.get("/insights/?period=1y").content.decode()
    assert 'href="?period=1y" aria-current="page"' in html
    html = client.get("/insights/?period=nope").content.decode()
    assert "that period is not one we know" in html
    assert 'href="?period=4w" aria-current="page"' in html


def test_a_person_alone_sees_kind_words_and_no_couple_figures(erin):
    html = client_for(erin).get("/insights/").content.decode()

    assert "You are practising on your own for now" in html
    assert "Balance of effort" not in html
    assert "Perception gap" not in html


def test_the_report_form_offers_only_measures_i_have_taken_none_ticked(story, alice, bob):
    html = client_for(alice).get("/insights/report/").content.decode()

    assert 'value="csi-4"' in html and 'value="phq-9"' in html
    assert 'value="gad-7"' not in html and 'value="rses"' not in html
    assert "checked" not in html.split('name="include"', 1)[1].split("</fieldset>")[0]


def test_the_report_pdf_holds_my_charts_and_only_the_ticked_measures(story, alice):
    response = client_for(alice).get("/insights/report/pdf/?period=4w&include=csi-4")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    day = alice.local_today().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="turn-toward-report-{day}.pdf"'
    )
    pages, text = pdf_text(response.content)
    assert pages >= 3
    assert "Turn Toward progress report" in text
    assert "Alice" in text
    assert "Felt connection over time" in text
    assert "CSI-4" in text
    assert ALICE_PHQ_BAND not in text  # not ticked
    assert "PHQ-9" not in text
    for marker in (BOB_PHQ_BAND, BOB_SHARED_BAND, "bob-secret-12", "bob-secret-20"):
        assert marker not in text


def test_an_unticked_report_has_no_measures_and_a_ticked_one_has_them(story, alice):
    client = client_for(alice)
    _, none = pdf_text(client.get("/insights/report/pdf/?period=3m").content)
    ticked = client.get("/insights/report/pdf/?period=3m&include=csi-4&include=phq-9")
    _, both = pdf_text(ticked.content)

    assert "My measures" not in none and "CSI-4" not in none
    assert "My measures" in both and ALICE_PHQ_BAND in both


def test_a_bad_report_form_comes_back_with_the_error_next_to_the_field(story, alice):
    response = client_for(alice).get("/insights/report/pdf/?period=9y&include=gad-7")

    assert response.status_code == 422
    html = response.content.decode()
    assert 'class="field-error"' in html
    assert "Select a valid choice" in html


# --- API ---------------------------------------------------------------------------


def test_the_api_gives_every_figure_as_numbers(story, alice):
    data = api_for(alice).get("/api/v1/insights?period=4w").json()

    assert data["period"] == "4w"
    assert data["connection"]["perception_gap"] == -2.0
    assert data["connection"]["partner"] == 2.0
    assert data["bids"]["ratio"] == 70
    assert [w["ratio"] for w in data["bids"]["weeks"]] == [60, 80]
    assert {b["key"]: b["my_share"] for b in data["balance"]}["appreciations"] == 75
    assert data["consistency"]["days_both"] == 6
    assert [m["slug"] for m in data["measures"]] == ["csi-4", "phq-9"]
    assert data["partner_summaries"][0]["score"] == 16
    assert "First weekly check-in done." in data["wins"]
    assert BOB_PHQ_BAND not in str(data)


@pytest.mark.parametrize("query", ["period=2w", "period=", "period=ALL", "period=4w&period=x"])
def test_an_invalid_period_answers_422_naming_period(alice, query):
    response = api_for(alice).get(f"/api/v1/insights?{query}")

    assert response.status_code == 422
    assert "period" in response.json()["fields"]


def test_the_report_endpoint_answers_pdf_bytes(story, alice):
    response = api_for(alice).get("/api/v1/report?period=all&include=csi-4")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    _, text = pdf_text(response.content)
    assert "CSI-4" in text and ALICE_PHQ_BAND not in text


@pytest.mark.parametrize(
    ("query", "field"),
    [("period=5y", "period"), ("include=journal", "include"), ("include=phq-9&period=x", "period")],
)
def test_a_bad_report_request_answers_422_json(alice, query, field):
    response = api_for(alice).get(f"/api/v1/report?{query}")

    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert field in response.json()["fields"]


def test_a_report_request_without_a_period_covers_the_last_4_weeks(alice):
    response = api_for(alice).get("/api/v1/report")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_maker_fetches_nothing_from_outside():
    from weasyprint import HTML
    from weasyprint.urls import URLFetchingError

    from turntoward.insights.report import LocalOnlyFetcher

    asked: list[str] = []

    class Recording(LocalOnlyFetcher):
        def fetch(self, url, headers=None):
            asked.append(url)
            return super().fetch(url, headers)

    html = (
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        '<img src="https://example.invalid/a.png"><p>Offline</p>'
    )
    pdf = HTML(string=html, url_fetcher=Recording()).write_pdf()

    assert pdf.startswith(b"%PDF")
    assert sorted(asked) == ["http://127.0.0.1:9/x.css", "https://example.invalid/a.png"]
    with pytest.raises(URLFetchingError):
        LocalOnlyFetcher().fetch("https://example.invalid/a.png")
