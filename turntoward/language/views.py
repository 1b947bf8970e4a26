"""Pages for the I-statement coach. Drafts are analysed, never stored."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from turntoward.language.coach import CoachResult, coach
from turntoward.language.forms import DraftForm
from turntoward.safety.screening import screen_text


def _verdict_text(result: CoachResult, text: str) -> str:
    if result.verdict == "hurtful":
        return _(
            "Some of these words are likely to hurt, even if that is not what you mean. "
            "The feeling underneath is worth saying; here is a gentler way in."
        )
    if result.verdict == "gentler":
        return _("This could be said more gently. A few words might put your partner on guard.")
    if result.findings or text.lstrip().lower().startswith(("i feel", "i felt", "i need")):
        return _("This is already an I-statement: it speaks from your side. Well done.")
    return _("This reads kindly. There is nothing here that needs softening.")


def _pieces(text: str, result: CoachResult) -> list[dict[str, Any]]:
    """The draft cut into plain text and marked findings, for highlighting in order."""
    pieces: list[dict[str, Any]] = []
    at = 0
    for finding in result.findings:
        if finding.start < at:
            continue  # overlapping findings are listed below; highlight the first only
        if finding.start > at:
            pieces.append({"text": text[at : finding.start]})
        pieces.append(
            {
                "text": text[finding.start : finding.end],
                "finding": finding,
                "name": _kind_names()[finding.kind],
            }
        )
        at = finding.end
    if at < len(text):
        pieces.append({"text": text[at:]})
    return pieces


def _context(form: DraftForm, user: Any = None) -> dict[str, Any]:
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        text = form.cleaned_data["text"]
        result = coach(text)
        context.update(
            # A draft can carry risk too: the writer alone sees the calm panel with it.
            risk_panel=screen_text(user, text) if user is not None else None,
            result=result,
            verdict_text=_verdict_text(result, text),
            pieces=_pieces(text, result),
            findings=[
                {
                    "kind": f.kind,
                    "name": _kind_names()[f.kind],
                    "words": text[f.start : f.end],
                    "explanation": f.explanation,
                }
                for f in result.findings
            ],
        )
    return context


def _kind_names() -> dict[str, str]:
    return {
        "blame": _("Blaming"),
        "absolute": _("Always or never"),
        "label": _("A label"),
        "contempt": _("Sarcasm"),
        "demand": _("A demand"),
        "why_question": _("A “why don't you” question"),
        "mind_reading": _("Guessing their mind"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def coach_page(request: HttpRequest) -> HttpResponse:
    """The coach: write a draft, see what may hurt and a gentler I-statement."""
    form = DraftForm(request.POST or None)
    status = 422 if form.is_bound and not form.is_valid() else 200
    return render(request, "language/coach.html", _context(form, request.user), status=status)


@login_required
@require_POST
def coach_check(request: HttpRequest) -> HttpResponse:
    """The live feedback partial, posted by HTMX as the person types.

    The coach page posts `text`; the "Check my wording" helper on other forms posts its own
    field and names it in `source` (and the box "Use this" fills in `target`)."""
    source = request.POST.get("source") or "text"
    target = request.POST.get("target") or ""
    if not (target.startswith("#") and target[1:].replace("_", "").replace("-", "").isalnum()):
        target = ""
    form = DraftForm({"text": request.POST.get(source, "")})
    extra = {"target": target, "compact": source != "text"}
    if not form.is_valid() and not form.data["text"].strip():
        return render(request, "language/_feedback.html", {"form": form, "empty": True, **extra})
    status = 200 if form.is_valid() else 422
    context = {**_context(form, request.user), **extra}
    return render(request, "language/_feedback.html", context, status=status)
