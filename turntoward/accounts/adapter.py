"""How allauth behaves for Turn Toward."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return getattr(settings, "ACCOUNT_ALLOW_SIGNUP", True)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Remembered for format_email_subject: whether this person asked for discretion.
        user = context.get("user")
        if user is None:
            from turntoward.accounts.models import User

            user = User.objects.filter(email__iexact=email).first()
        self._discreet = bool(getattr(user, "discreet_mode", False))
        try:
            super().send_mail(template_prefix, email, context)
        finally:
            self._discreet = False

    def format_email_subject(self, subject: str) -> str:
        """Discreet mode: a plain subject that names neither the app nor the topic."""
        if getattr(self, "_discreet", False):
            return gettext("A message about your account")
        return super().format_email_subject(subject)
