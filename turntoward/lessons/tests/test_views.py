"""Pages of lessons: the list with read marks, one lesson, marking read."""

from __future__ import annotations

import html

from django.test import Client

from turntoward.lessons.models import Lesson, LessonRead


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_every_lesson_and_how_many_i_read(alice):
    LessonRead.objects.create(user=alice, lesson=Lesson.objects.get(slug="boundaries"))

    page = html.unescape(client_for(alice).get("/lessons/").content.decode())

    for the_lesson in Lesson.objects.active():
        assert the_lesson.title in page
    assert f"You have read 1 of {Lesson.objects.active().count()}." in page


def test_a_lesson_page_shows_its_text_the_practice_and_the_related_link(alice):
    the_lesson = Lesson.objects.get(slug="what-emotional-neglect-is")

    page = html.unescape(client_for(alice).get(f"/lessons/{the_lesson.slug}/").content.decode())

    assert the_lesson.title in page
    assert the_lesson.paragraphs[1] in page
    assert "A small practice to try" in page
    assert the_lesson.practice in page
    assert 'href="/checkin/"' in page and "Go to Daily check-in" in page
    assert "Mark as read" in page


def test_marking_a_lesson_read_and_unread(alice, bob):
    client = client_for(alice)

    response = client.post("/lessons/appreciation/read/")
    page = client.get("/lessons/appreciation/").content.decode()
    hx = client.post("/lessons/appreciation/read/", {"read": "0"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 302 and response["Location"] == "/lessons/appreciation/"
    assert "Mark as not read yet" in page
    assert hx.status_code == 200 and "Mark as read" in hx.content.decode()
    assert not LessonRead.objects.exists()
    assert "Mark as read" in client_for(bob).get("/lessons/appreciation/").content.decode()


def test_an_unknown_lesson_is_404(alice):
    assert client_for(alice).get("/lessons/no-such-lesson/").status_code == 404
    assert client_for(alice).post("/lessons/no-such-lesson/read/").status_code == 404


def test_the_practices_page_lists_lessons(alice):
    assert "Lessons" in client_for(alice).get("/practices/").content.decode()
