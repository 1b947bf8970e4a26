"""Account forms: sign-up extras, profile, account deletion."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from turntoward.lib.zones import time_zone_names


def _zone_choices() -> list[tuple[str, str]]:
    return [(z, z.replace("_", " ")) for z in time_zone_names()]


def _country_choices() -> list[tuple[str, str]]:
    return [("", _("Not set"))] + [(code, name) for code, name in countries]


class TimeZoneCountryMixin(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=_zone_choices,
        help_text=_("Your day starts and ends here. We guessed it from your browser."),
        widget=forms.Select(attrs={"data-guess": "time_zone"}),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        choices=_country_choices,
        required=False,
        help_text=_("Used to show help lines that work where you are."),
        widget=forms.Select(attrs={"data-guess": "country"}),
    )


class SignupExtrasForm(TimeZoneCountryMixin):
    """Extra sign-up fields; all optional, so the API needs only email and password."""

    field_order = ["email", "password1", "name", "time_zone", "country"]

    name = forms.CharField(
        label=_("Your first name (optional)"),
        max_length=80,
        required=False,
        help_text=_("What your partner will see."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].required = False
        self.fields["time_zone"].initial = settings.DEFAULT_USER_TIME_ZONE
        self.fields["country"].initial = settings.DEFAULT_USER_COUNTRY

    def signup(self, request: HttpRequest, user: Any) -> None:
        user.name = self.cleaned_data.get("name", "") or ""
        user.time_zone = self.cleaned_data.get("time_zone") or settings.DEFAULT_USER_TIME_ZONE
        user.country = self.cleaned_data.get("country") or settings.DEFAULT_USER_COUNTRY
        user.save(update_fields=["name", "time_zone", "country"])


class ProfileForm(TimeZoneCountryMixin):
    name = forms.CharField(
        label=_("Name"), max_length=80, required=False, help_text=_("What your partner sees.")
    )

    discreet_mode = forms.BooleanField(
        label=_("Discreet mode"),
        required=False,
        help_text=_(
            "Shows a plain name (“Notes”) and icon in the browser tab, and plain subjects on "
            "account emails, so a glance at your screen or inbox says little."
        ),
    )

    field_order = ["name", "time_zone", "country", "discreet_mode"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."))
        return password
