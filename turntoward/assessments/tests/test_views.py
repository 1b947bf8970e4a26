"""The assessments pages: taking, errors that keep answers, results in plain words."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from turntoward.assessments import services
from turntoward.assessments.models import AssessmentResponse


@pytest.fixture
def pages(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def form(answers: list[int], **extra: str) -> dict[str, str]:
    data = {f"item-{n}": str(a) for n, a in enumerate(answers, start=1)}
    data.update(extra)
    return data


def test_the_form_has_a_labelled_radio_group_per_item(pages):
    html = pages.get("/assessments/phq-9/").content.decode()
    assert html.count("<fieldset") == 9 and html.count("<legend>") == 9
    assert 'name="item-9" value="3"' in html
    assert "See my results" in html
    assert "Over the last 2 weeks, how often" in html
    assert "No permission required to reproduce" in html
    assert 'for="id_note"' in html


def test_missing_answers_re_render_with_errors_and_keep_the_chosen_ones(pages):
    response = pages.post("/assessments/gad-7/", form([2, 1, 0], note="kept words"))
    assert response.status_code == 422
    html = response.content.decode()
    assert html.count("Please choose an answer for this question.") == 4
    assert 'id="id_item-4_error"' in html and 'id="id_item-1_error"' not in html
    checked = re.findall(r'<input type="radio" name="(item-\d+)" value="(\d)"[^>]*checked', html)
    assert checked == [("item-1", "2"), ("item-2", "1"), ("item-3", "0")]
    assert html.count(" checked") == 3
    assert "kept words" in html
    assert not AssessmentResponse.objects.exists()


def test_a_position_out_of_range_is_an_error_not_a_crash(pages):
    response = pages.post("/assessments/phq-2/", form([0, 9]))
    assert response.status_code == 422
    assert not AssessmentResponse.objects.exists()


def test_success_redirects_to_the_result_in_plain_words(pages, alice):
    response = pages.post("/assessments/csi-4/", form([3, 3, 3, 4]))
    made = AssessmentResponse.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/csi-4/{made.pk}/"
    html = pages.get(response["Location"]).content.decode()
    assert "Notable relationship dissatisfaction" in html
    assert "not" in html and "a diagnosis" in html
    assert "first result" in html


def test_phq2_positive_offers_the_full_phq9(pages):
    pages.post("/assessments/phq-2/", form([2, 2]))
    r = AssessmentResponse.objects.get()
    html = pages.get(f"/assessments/phq-2/{r.pk}/").content.decode()
    assert "Take the full PHQ-9" in html and 'href="/assessments/phq-9/"' in html


def test_phq9_at_ten_suggests_a_professional_and_links_find_help(pages):
    pages.post("/assessments/phq-9/", form([2, 2, 2, 2, 2, 0, 0, 0, 0]))
    r = AssessmentResponse.objects.get()
    html = pages.get(f"/assessments/phq-9/{r.pk}/").content.decode()
    assert r.score == 10 and 'href="/help/"' in html
    assert "doctor or a therapist" in html
    assert 'class="risk-panel"' not in html


def test_phq9_item_nine_shows_the_crisis_panel_at_once(pages):
    response = pages.post("/assessments/phq-9/", form([0] * 8 + [1]), follow=True)
    html = response.content.decode()
    assert 'class="risk-panel"' in html
    assert "emergency" in html
    # The panel speaks of the answer, not of words the person never wrote.
    assert "You do not have to carry this alone" in html
    assert "What you wrote is saved" not in html


def test_a_worrying_note_shows_the_panel_to_the_writer_once(pages):
    response = pages.post(
        "/assessments/gad-2/", form([0, 0], note="I want to kill myself"), follow=True
    )
    assert 'class="risk-panel"' in response.content.decode()
    again = pages.get(response.redirect_chain[-1][0]).content.decode()
    assert 'class="risk-panel"' not in again


def test_a_second_take_shows_the_earlier_result_beside_it(pages, alice, alice_check):
    AssessmentResponse.objects.filter(pk=alice_check.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    response = pages.post("/assessments/connection-check/", form([1] * 18), follow=True)
    html = response.content.decode()
    assert "Feeling lonely together" in html
    assert "This time" in html and "Before (" in html
    assert ">50<" in html  # the earlier score


def test_the_list_shows_last_result_and_retake_due(pages, alice, alice_check):
    html = pages.get("/assessments/").content.decode()
    assert "Last taken" in html and "Due again" not in html
    AssessmentResponse.objects.filter(pk=alice_check.pk).update(
        created_at=timezone.now() - timedelta(weeks=5)
    )
    assert "Due again" in pages.get("/assessments/").content.decode()
    home = pages.get("/").content.decode()
    assert "Time for your connection check" in home


def test_the_home_page_offers_a_pending_follow_up(pages, alice):
    services.submit_response(alice, "gad-2", [3, 3])
    assert "Take the GAD-7" in pages.get("/").content.decode()


def test_share_toggle_on_the_result_page(pages, alice, bob, couple, alice_check):
    url = f"/assessments/connection-check/{alice_check.pk}/"
    assert "Share a summary with my partner" in pages.get(url).content.decode()
    pages.post(url + "share/", {"shared": "on"})
    alice_check.refresh_from_db()
    assert alice_check.shared_with_partner
    assert "Stop sharing" in pages.get(url).content.decode()
    pages.post(url + "share/", {"shared": ""})
    alice_check.refresh_from_db()
    assert not alice_check.shared_with_partner
