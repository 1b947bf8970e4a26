"""Pages for curiosity questions: the question of the day, browsing, favourites, answering."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from turntoward import privacy
from turntoward.curiosity import services
from turntoward.curiosity.forms import AnswerForm
from turntoward.curiosity.models import Question, Theme
from turntoward.privacy import curiosity as gate
from turntoward.safety.panel import attach_panel, remember_saved


def _panel_context(
    request: HttpRequest, question: Question, form: AnswerForm | None = None
) -> dict:
    view = services.question_view(request.user, question)
    today = _today_question(request)
    return {
        "view": view,
        "partner": privacy.partner_of(request.user),
        "form": form or AnswerForm(initial={"text": view.mine.text if view.mine else ""}),
        "is_today": today is not None and today.pk == question.pk,
        "editing": form is not None or request.GET.get("edit") == "1",
        "next": "today"
        if request.resolver_match.url_name == "today" or request.POST.get("next") == "today"
        else "",
    }


def _today_question(request: HttpRequest) -> Question | None:
    if not hasattr(request, "_question_of_the_day"):
        try:
            request._question_of_the_day = services.question_of_the_day(request.user)
        except Question.DoesNotExist:
            request._question_of_the_day = None
    return request._question_of_the_day


@login_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    """The question of the day, with my answer and (once revealed) my partner's."""
    question = _today_question(request)
    context = {"partner_state": privacy.partner_state(request.user), "themes": Theme.choices}
    if question is not None:
        context.update(_panel_context(request, question))
    return render(request, "curiosity/today.html", context)


@login_required
@require_GET
def browse(request: HttpRequest) -> HttpResponse:
    """The whole deck, one theme at a time."""
    theme = request.GET.get("theme") or None
    if theme not in Theme.values:
        theme = None
    return render(
        request,
        "curiosity/browse.html",
        {
            "rows": services.question_rows(request.user, theme=theme),
            "themes": Theme.choices,
            "theme": theme,
            "theme_label": Theme(theme).label if theme else None,
            "partner": privacy.partner_of(request.user),
        },
    )


@login_required
@require_GET
def favourites(request: HttpRequest) -> HttpResponse:
    """The questions I keep for later (only I see them)."""
    return render(
        request,
        "curiosity/favourites.html",
        {
            "rows": services.question_rows(request.user, favourites=True),
            "partner": privacy.partner_of(request.user),
        },
    )


@login_required
@require_GET
def question(request: HttpRequest, slug: str) -> HttpResponse:
    """Any question of the deck, with the same answer form and reveal as today's."""
    the_question = gate.get_question(slug)
    context = {"partner_state": privacy.partner_state(request.user)}
    context.update(_panel_context(request, the_question))
    return render(request, "curiosity/question.html", context)


@login_required
@require_GET
def panel(request: HttpRequest, slug: str) -> HttpResponse:
    """A question's answer panel alone, polled by HTMX while waiting for the partner."""
    return render(
        request, "curiosity/_panel.html", _panel_context(request, gate.get_question(slug))
    )


@login_required
@require_POST
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    """Save my answer; errors come back next to the field with the text kept."""
    the_question = gate.get_question(slug)
    form = AnswerForm(request.POST)
    created = False
    if form.is_valid():
        try:
            saved, created = services.answer_question(
                request.user, the_question, form.cleaned_data["text"]
            )
        except ValidationError as exc:
            for name, msgs in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, msgs)
    if form.errors:
        context = _panel_context(request, the_question, form)
        if request.htmx:
            return render(request, "curiosity/_panel.html", context, status=422)
        context["partner_state"] = privacy.partner_state(request.user)
        return render(request, "curiosity/question.html", context)
    if request.htmx:
        response = render(request, "curiosity/_panel.html", _panel_context(request, the_question))
        return attach_panel(request, response, saved.text, partner_reads=True)
    remember_saved(request, saved)
    messages.success(
        request, _("Thank you for answering.") if created else _("Your answer is updated.")
    )
    if request.POST.get("next") == "today":
        return redirect("curiosity:today")
    return redirect("curiosity:question", slug=the_question.slug)


@login_required
@require_POST
def favourite(request: HttpRequest, slug: str) -> HttpResponse:
    """Keep a question among my favourites, or let it go ("favourite" = "1" or "0")."""
    the_question = gate.get_question(slug)
    state = services.set_favourite(
        request.user, the_question, request.POST.get("favourite", "1") == "1"
    )
    if request.htmx:
        return render(
            request, "curiosity/_favourite.html", {"question": the_question, "favourite": state}
        )
    next_url = request.POST.get("next", "")
    allowed = {
        "today": reverse("curiosity:today"),
        "browse": reverse("curiosity:browse"),
        "favourites": reverse("curiosity:favourites"),
    }
    return redirect(allowed.get(next_url, reverse("curiosity:question", args=[the_question.slug])))
