"""Forms for the couple pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=32,
        help_text=_("The eight letters and numbers your partner shared with you."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
