"""The assessments API: definitions, answering, my history, sharing a summary."""

from __future__ import annotations

import pytest

from turntoward.assessments.models import AssessmentResponse
from turntoward.testing import api_for


@pytest.fixture
def client(alice):
    return api_for(alice)


def test_the_list_gives_every_full_definition(client):
    response = client.get("assessments")
    assert response.status_code == 200
    found = {d["slug"]: d for d in response.json()}
    assert set(found) == {"connection-check", "csi-4", "phq-2", "phq-9", "gad-2", "gad-7", "rses"}
    phq9 = found["phq-9"]
    assert len(phq9["items"]) == 9
    assert phq9["items"][0]["options"][0]["label"] == "Not at all"
    assert phq9["crisis"] == {"item": 9, "min_position": 1}
    assert [b["slug"] for b in phq9["bands"]][-1] == "severe"
    assert found["phq-2"]["follow_up"] == {"min_score": 3, "instrument": "phq-9"}
    assert found["csi-4"]["cutoff"] == 13.5
    check = found["connection-check"]
    assert check["cutoff"] == 36 and len(check["subscales"]) == 9
    assert [i["number"] for i in found["rses"]["items"] if i["reverse"]] == [2, 5, 6, 8, 9]


def test_one_definition_and_unknown_slug_404(client):
    assert client.get("assessments/csi-4").json()["range"] == {"min": 0, "max": 21}
    response = client.get("assessments/no-such-thing")
    assert response.status_code == 404 and response.json()["detail"]
    assert client.post("assessments/no-such-thing/responses", {"answers": [0]}).status_code == 404
    assert client.get("assessments/no-such-thing/responses").status_code == 404


def test_answering_gives_201_with_the_result(client, alice):
    response = client.post("assessments/phq-9/responses", {"answers": [0] * 8 + [1]})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["instrument"] == "phq-9"
    assert (body["score"], body["band"], body["crisis"], body["follow_up"]) == (
        1, "minimal", True, None,
    )  # fmt: skip
    assert body["shared"] is False and body["subscores"] == {}
    assert body["id"]
    assert body["created_at"].endswith(("+00:00", "Z"))  # Europe/London in November
    assert AssessmentResponse.objects.get(pk=body["id"]).user == alice

    body = client.post("assessments/gad-2/responses", {"answers": [3, 0], "note": "hi"}).json()
    assert (body["score"], body["band"], body["follow_up"]) == (3, "positive", "gad-7")
    body = client.post("assessments/connection-check/responses", {"answers": [2] * 18}).json()
    assert body["score"] == 36 and body["band"] == "distant"
    assert body["subscores"]["lonely"] == 4 and body["subscores"]["support"] == 4


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"answers": None},
        {"answers": "0,1"},
        {"answers": [0]},
        {"answers": [0, 0, 0]},
        {"answers": [0, 4]},
        {"answers": [0, -1]},
        {"answers": [0, True]},
        {"answers": [0, 1.5]},
        {"answers": [0, "1"]},
        {"answers": [0, None]},
        {"answers": [[0], 0]},
    ],
)
def test_answers_that_do_not_fit_are_422_naming_answers(client, payload):
    response = client.post("assessments/phq-2/responses", payload)
    assert response.status_code == 422, response.content
    assert "answers" in response.json()["fields"]
    assert not AssessmentResponse.objects.exists()


def test_times_carry_the_persons_own_offset(dave):
    body = api_for(dave).post("assessments/gad-2/responses", {"answers": [0, 0]}).json()
    assert body["created_at"].endswith("-05:00")  # New York in November


def test_unknown_fields_and_bad_json_are_422(client):
    response = client.post("assessments/phq-2/responses", {"answers": [0, 0], "score": 0})
    assert response.status_code == 422
    response = client.request("POST", "assessments/phq-2/responses", raw="{not json")
    assert response.status_code == 422


def test_my_history_is_newest_first_and_accepts_dates(client, alice):
    first = client.post("assessments/gad-2/responses", {"answers": [0, 0]}).json()
    second = client.post("assessments/gad-2/responses", {"answers": [1, 1]}).json()
    listed = client.get("assessments/gad-2/responses").json()
    assert [r["id"] for r in listed] == [second["id"], first["id"]]
    today = alice.local_today().isoformat()
    assert len(client.get(f"assessments/gad-2/responses?since={today}&until={today}").json()) == 2
    assert client.get("assessments/gad-2/responses?since=2000-01-01&until=2000-01-02").json() == []
    assert client.get("assessments/gad-2/responses?since=not-a-date").status_code == 422
    assert client.get("assessments/phq-9/responses").json() == []


def test_sharing_and_unsharing_a_summary(alice, bob, couple, client):
    made = client.post(
        "assessments/csi-4/responses", {"answers": [3, 3, 3, 4], "note": "marker-wren"}
    ).json()
    partner = api_for(bob)
    assert partner.get("assessments/shared").json() == []

    response = client.patch(f"assessments/csi-4/responses/{made['id']}", {"shared": True})
    assert response.status_code == 200 and response.json()["shared"] is True
    [summary] = partner.get("assessments/shared").json()
    assert set(summary) == {"id", "instrument", "score", "band", "band_label", "created_at"}
    assert (summary["score"], summary["band"]) == (13, "distressed")
    assert "marker-wren" not in partner.get("assessments/shared").content.decode()

    assert (
        client.patch(f"assessments/csi-4/responses/{made['id']}", {"shared": "yes"}).status_code
        == 422
    )
    assert (
        client.patch(f"assessments/phq-9/responses/{made['id']}", {"shared": True}).status_code
        == 404
    )
    assert (
        partner.patch(f"assessments/csi-4/responses/{made['id']}", {"shared": False}).status_code
        == 404
    )

    client.patch(f"assessments/csi-4/responses/{made['id']}", {"shared": False})
    assert partner.get("assessments/shared").json() == []
