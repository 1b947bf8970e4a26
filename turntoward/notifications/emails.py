"""The emails: what happened and a link, never what anyone wrote; neutral in discreet mode."""

from __future__ import annotations

from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from turntoward.notifications.models import Kind, Notification

# (subject, what happened, button) per kind. Plain, warm, and free of anyone's words.
WORDING: dict[str, tuple[Any, Any, Any]] = {
    Kind.DAILY_CHECKIN: (
        gettext_lazy("Your daily check-in is waiting"),
        gettext_lazy("Two minutes for today's check-in, whenever suits you before midnight."),
        gettext_lazy("Check in"),
    ),
    Kind.PARTNER_CHECKIN: (
        gettext_lazy("Your partner checked in today"),
        gettext_lazy("Your partner has checked in. Check in too and you will see each other's."),
        gettext_lazy("Check in"),
    ),
    Kind.APPRECIATION: (
        gettext_lazy("You have a new appreciation"),
        gettext_lazy("Your partner sent you an appreciation."),
        gettext_lazy("Read it"),
    ),
    Kind.BID_RESPONSE: (
        gettext_lazy("A reach-out was answered"),
        gettext_lazy("Your partner noted how a reach-out was met."),
        gettext_lazy("Have a look"),
    ),
    Kind.REPAIR: (
        gettext_lazy("Something new in repair"),
        gettext_lazy("Your partner shared a repair step or answered one."),
        gettext_lazy("Have a look"),
    ),
    Kind.QUESTION: (
        gettext_lazy("Today's question is waiting for you"),
        gettext_lazy("Your partner answered today's question. Answer it too to see both."),
        gettext_lazy("Answer"),
    ),
    Kind.WEEKLY_CHECKIN: (
        gettext_lazy("Time for your weekly check-in"),
        gettext_lazy("Your weekly check-in is due: about 15 to 30 minutes together."),
        gettext_lazy("Start"),
    ),
    Kind.ACTIVITY: (
        gettext_lazy("A planned activity is coming up"),
        gettext_lazy("Something you planned together starts within a day."),
        gettext_lazy("See the plan"),
    ),
    Kind.GOAL: (
        gettext_lazy("A shared goal to revisit"),
        gettext_lazy("One of your shared goals has been quiet for a while. A small update helps."),
        gettext_lazy("Revisit"),
    ),
    Kind.RETAKE: (
        gettext_lazy("Time to retake the connection check"),
        gettext_lazy("It has been a while since your last connection check."),
        gettext_lazy("Retake it"),
    ),
}
DISCREET = (
    gettext_lazy("A reminder from your account"),
    gettext_lazy("There is something new for you in your account."),
    gettext_lazy("Open"),
)


def wording(kind: str, discreet: bool = False) -> tuple[str, str, str]:
    subject, line, button = DISCREET if discreet else WORDING[kind]
    return str(subject), str(line), str(button)


def _salt(kind: str) -> str:
    return f"turntoward.notifications.unsubscribe.{kind}"


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps(str(user.public_id), salt=_salt(kind))


def read_unsubscribe_token(kind: str, token: str) -> str | None:
    """The person's public id from a token for this kind, or None when forged."""
    if kind not in Kind.values:
        return None
    try:
        return signing.loads(token, salt=_salt(kind))
    except signing.BadSignature:
        return None


def unsubscribe_url(user, kind: str) -> str:
    path = reverse(
        "notifications:unsubscribe", kwargs={"kind": kind, "token": unsubscribe_token(user, kind)}
    )
    return settings.SITE_URL + path


def sender(discreet: bool) -> str:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((_("Account notices") if discreet else name, address))


class Email(EmailMultiAlternatives):
    def send_via(self, connection) -> int:
        self.connection = connection
        return self.send()


def build(row: Notification) -> Email:
    """The message for one notification, in both parts, with one-click unsubscribe."""
    user = row.user
    discreet = bool(getattr(user, "discreet_mode", False))
    with translation.override(settings.LANGUAGE_CODE):
        subject, line, button = wording(row.kind, discreet)
        unsubscribe = unsubscribe_url(user, row.kind)
        context = {
            "line": line,
            "button": button,
            "link": settings.SITE_URL + row.link,
            "unsubscribe": unsubscribe,
            "preferences": settings.SITE_URL + reverse("notifications:preferences"),
            "discreet": discreet,
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    domain = address.rpartition("@")[2] or "localhost"
    message = Email(
        subject=subject,
        body=text,
        from_email=sender(discreet),
        to=[user.email],
        headers={
            # Only the signed link: nobody reads a reply mailbox (RFC 8058 one-click).
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": f"<{row.pk}@{domain}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
