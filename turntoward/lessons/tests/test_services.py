"""Rules of lessons: private read marks, the related practice link, export and deletion."""

from __future__ import annotations

from turntoward.core.personal_data import kinds
from turntoward.core.registry import Practice
from turntoward.lessons import services
from turntoward.lessons.models import Lesson, LessonRead


def lesson(slug: str = "appreciation") -> Lesson:
    return Lesson.objects.get(slug=slug)


def test_marking_read_twice_keeps_the_first_time(alice):
    first, created = services.mark_read(alice, lesson())
    second, created_again = services.mark_read(alice, lesson())

    assert (created, created_again) == (True, False)
    assert first.read_at == second.read_at
    assert LessonRead.objects.count() == 1


def test_read_marks_are_private_to_each_person(couple, alice, bob):
    services.mark_read(alice, lesson())

    assert [v.lesson.slug for v in services.lesson_views(alice) if v.read] == ["appreciation"]
    assert [v for v in services.lesson_views(bob) if v.read] == []


def test_marking_unread_removes_only_my_mark(alice, bob):
    services.mark_read(alice, lesson())
    services.mark_read(bob, lesson())

    services.mark_unread(alice, lesson())

    assert services.lesson_view(alice, lesson()).read is False
    assert services.lesson_view(bob, lesson()).read is True


def test_the_related_practice_is_found_through_the_registry():
    # The check-in is part of the foundation, so its practice is always registered.
    related = services.related_practice(lesson("what-emotional-neglect-is"))

    assert related is not None
    practice, url = related
    assert isinstance(practice, Practice) and practice.key == "checkin"
    assert url == "/checkin/"


def test_a_lesson_without_a_registered_practice_has_no_link():
    the_lesson = lesson()
    the_lesson.related = "no-such-practice"

    assert services.related_practice(the_lesson) is None
    the_lesson.related = ""
    assert services.related_practice(the_lesson) is None


def test_lessons_are_listed_in_the_order_of_the_file(alice):
    ordered = [v.lesson.slug for v in services.lesson_views(alice)]

    assert ordered[0] == "what-emotional-neglect-is"
    assert ordered[-1] == "stress-and-the-relationship"


def test_export_and_delete_cover_only_my_read_marks(alice, bob):
    services.mark_read(alice, lesson())
    services.mark_read(bob, lesson("boundaries"))
    kind = next(k for k in kinds() if k.key == "lessons_read")

    exported = kind(alice).export()
    kind(alice).delete()

    assert [row["lesson"] for row in exported] == ["appreciation"]
    assert list(LessonRead.objects.values_list("user__name", flat=True)) == ["Bob"]


def test_reading_counts_as_taking_part(alice):
    assert services.last_read_time(alice) is None
    read, _ = services.mark_read(alice, lesson())
    assert services.last_read_time(alice) == read.read_at
