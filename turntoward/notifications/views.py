"""Pages: my notifications, my reminder settings, the calendar feed and unsubscribing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from turntoward.notifications import calendar_feed, emails, services
from turntoward.notifications.forms import PreferencesForm
from turntoward.notifications.models import Kind, prefs_for
from turntoward.privacy import notifications as gate


def _labels() -> dict[str, str]:
    return {kind: str(label) for kind, label in Kind.choices}


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    rows = services.recent(request.user)
    labels = _labels()
    for row in rows:
        row.label = labels.get(row.kind, row.kind)
        row.line = emails.wording(row.kind)[1]
    return render(
        request,
        "notifications/list.html",
        {"rows": rows, "unread": services.unread_count(request.user)},
    )


@login_required
@require_POST
def read(request: HttpRequest, notification_id) -> HttpResponse:
    row = services.mark_read(request.user, notification_id)
    if request.htmx:
        row.label = _labels().get(row.kind, row.kind)
        row.line = emails.wording(row.kind)[1]
        return render(
            request,
            "notifications/_row.html",
            {"row": row, "unread": services.unread_count(request.user), "oob": True},
        )
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    services.mark_all_read(request.user)
    messages.success(request, _("All caught up."))
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = request.build_absolute_uri("/notifications/")
        return response
    return redirect("notifications:list")


def _preferences_page(request: HttpRequest, form: PreferencesForm, status: int = 200):
    prefs = prefs_for(request.user)
    feed_url = request.build_absolute_uri(f"/calendar/{prefs.calendar_token}.ics")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "feed_url": feed_url, "zone": request.user.time_zone},
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            try:
                services.update_preferences(request.user, **form.changes())
            except ValidationError as exc:
                for name, msgs in exc.message_dict.items():
                    form.add_error(name if name in form.fields else None, msgs)
            else:
                messages.success(request, _("Your reminder settings are saved."))
                return redirect("notifications:preferences")
        return _preferences_page(request, form, status=422 if request.htmx else 200)
    form = PreferencesForm(initial=PreferencesForm.initial_for(prefs_for(request.user)))
    return _preferences_page(request, form)


@login_required
@require_POST
def new_calendar_link(request: HttpRequest) -> HttpResponse:
    services.new_calendar_link(request.user)
    messages.success(
        request, _("Here is a new calendar link. The old one no longer works anywhere.")
    )
    return redirect("notifications:preferences")


@require_GET
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    prefs = gate.prefs_by_calendar_token(token)
    response = HttpResponse(calendar_feed.feed(prefs), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="reminders.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, kind: str, token: str) -> HttpResponse:
    public_id = emails.read_unsubscribe_token(kind, token)
    if public_id is None:
        raise Http404("Not found")
    label = _labels()[kind]
    if request.method == "POST":
        if services.unsubscribe(public_id, kind) is None:
            raise Http404("Not found")
        return render(request, "notifications/unsubscribed.html", {"label": label})
    return render(request, "notifications/unsubscribe.html", {"label": label})
