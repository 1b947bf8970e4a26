"""Pages for the short lessons: the list and one lesson, with its read mark."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from turntoward.lessons import services
from turntoward.privacy import lessons as gate


@login_required
@require_GET
def lesson_list(request: HttpRequest) -> HttpResponse:
    views = services.lesson_views(request.user)
    return render(
        request,
        "lessons/list.html",
        {"views": views, "read_count": sum(1 for v in views if v.read)},
    )


@login_required
@require_GET
def lesson(request: HttpRequest, slug: str) -> HttpResponse:
    the_lesson = gate.get_lesson(slug)
    return render(
        request, "lessons/lesson.html", {"view": services.lesson_view(request.user, the_lesson)}
    )


@login_required
@require_POST
def read(request: HttpRequest, slug: str) -> HttpResponse:
    """Mark the lesson read ("read" = "1", the default) or not read yet ("0")."""
    the_lesson = gate.get_lesson(slug)
    if request.POST.get("read", "1") == "0":
        services.mark_unread(request.user, the_lesson)
    else:
        services.mark_read(request.user, the_lesson)
    view = services.lesson_view(request.user, the_lesson)
    if request.htmx:
        return render(request, "lessons/_read.html", {"view": view})
    if request.POST.get("next") == "list":
        return redirect("lessons:list")
    return redirect("lessons:lesson", slug=the_lesson.slug)
