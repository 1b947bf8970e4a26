"""Pages for my private journal. Only the author ever sees an entry."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from turntoward.journal import feelings, services
from turntoward.journal.forms import EntryForm, SearchForm
from turntoward.privacy import journal as gate
from turntoward.safety.panel import remember_saved


def _apply_errors(form, exc: ValidationError) -> None:
    for name, msgs in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, msgs)


@login_required
@require_GET
def entry_list(request: HttpRequest) -> HttpResponse:
    """My entries, with search by words, feeling and dates."""
    form = SearchForm(request.GET or None)
    entries: list = []
    filtered = False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filtered = any(data.values())
        try:
            entries = services.find_entries(
                request.user,
                q=data["q"],
                feeling=data["feeling"],
                since=data["since"],
                until=data["until"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
    elif not form.is_bound:
        entries = services.find_entries(request.user)
    for entry in entries:
        entry.tags = _tags(entry)
    return render(
        request,
        "journal/list.html",
        {
            "form": form,
            "entries": entries,
            "filtered": filtered or form.is_bound,
            "limit": services.LIST_MAX,
        },
    )


def _tags(entry) -> list[feelings.Feeling]:
    return [f for f in (feelings.find(s) for s in entry.feeling_slugs) if f is not None]


def _entry_form_page(request: HttpRequest, form: EntryForm, entry=None) -> HttpResponse:
    return render(
        request,
        "journal/entry_form.html",
        {"form": form, "entry": entry, "groups": form.feeling_groups()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: HttpRequest) -> HttpResponse:
    """Write a new entry, optionally from a prompt, tagged with feelings."""
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                entry = services.write_entry(request.user, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Saved. Only you can read it."))
                remember_saved(request, entry)
                return redirect("journal:detail", entry_id=entry.pk)
        return _entry_form_page(request, form)
    initial = {}
    if request.GET.get("prompt") == "any":
        prompt = services.random_prompt()
        initial["prompt"] = prompt.slug if prompt else ""
    elif request.GET.get("prompt"):
        initial["prompt"] = request.GET["prompt"]
    return _entry_form_page(request, EntryForm(initial=initial))


@login_required
@require_GET
def entry_detail(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    entry = gate.get_entry_for_user(request.user, entry_id)
    return render(request, "journal/detail.html", {"entry": entry, "tags": _tags(entry)})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    entry = gate.get_entry_for_user(request.user, entry_id)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                services.edit_entry(request.user, entry.pk, **form.cleaned_data)
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Your entry is updated."))
                remember_saved(request, entry)
                return redirect("journal:detail", entry_id=entry.pk)
        return _entry_form_page(request, form, entry)
    form = EntryForm(
        initial={
            "title": entry.title,
            "body": entry.body,
            "prompt": entry.prompt.slug if entry.prompt else "",
            "feelings": entry.feeling_slugs,
        }
    )
    return _entry_form_page(request, form, entry)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    entry = gate.get_entry_for_user(request.user, entry_id)
    if request.method == "POST":
        services.delete_entry(request.user, entry.pk)
        messages.success(request, _("The entry is deleted."))
        return redirect("journal:list")
    return render(request, "journal/delete.html", {"entry": entry})
