"""The lessons API: the list with my read flag, one lesson, read marks."""

from __future__ import annotations

from datetime import timedelta

from turntoward.lessons.models import Lesson, LessonRead
from turntoward.testing import api_for


def test_the_list_gives_every_lesson_with_my_read_flag(couple, alice, bob):
    api_for(bob).post("lessons/boundaries/read")

    rows = api_for(alice).get("lessons").json()

    assert len(rows) == Lesson.objects.active().count() >= 12
    assert {r["read"] for r in rows} == {False}
    first = rows[0]
    assert set(first) == {"id", "slug", "title", "summary", "read", "read_at", "practice_url"}
    assert first["slug"] == "what-emotional-neglect-is"
    assert first["practice_url"] == "/checkin/"


def test_one_lesson_has_its_body_and_practice(alice):
    data = api_for(alice).get("lessons/i-statements").json()
    the_lesson = Lesson.objects.get(slug="i-statements")

    assert data["body"] == the_lesson.body
    assert data["paragraphs"] == the_lesson.paragraphs
    assert data["practice"] == the_lesson.practice
    assert data["read"] is False and data["read_at"] is None


def test_marking_read_then_unread(alice):
    client = api_for(alice)

    created = client.post("lessons/appreciation/read")
    again = client.post("lessons/appreciation/read")
    shown = client.get("lessons/appreciation").json()
    removed = client.delete("lessons/appreciation/read")

    assert (created.status_code, again.status_code, removed.status_code) == (201, 200, 204)
    assert created.json()["lesson"] == "appreciation" and created.json()["read"] is True
    assert created.json()["read_at"] == again.json()["read_at"]
    assert shown["read"] is True
    assert not LessonRead.objects.exists()


def test_since_and_until_keep_the_lessons_i_read_then(alice):
    client = api_for(alice)
    client.post("lessons/appreciation/read")
    today = alice.local_today()

    assert [r["slug"] for r in client.get(f"lessons?since={today}&until={today}").json()] == [
        "appreciation"
    ]
    assert client.get(f"lessons?since={today + timedelta(days=1)}").json() == []
    assert client.get(f"lessons?until={today - timedelta(days=1)}").json() == []


def test_bad_filters_get_422_naming_the_field(alice):
    response = api_for(alice).get("lessons?since=yesterday")

    assert response.status_code == 422
    assert "since" in response.json()["fields"]


def test_an_unknown_lesson_is_404_in_the_one_error_shape(alice):
    for method in ("get", "post", "delete"):
        path = "lessons/nope" if method == "get" else "lessons/nope/read"
        response = getattr(api_for(alice), method)(path)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
