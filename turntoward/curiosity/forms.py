"""Forms for the curiosity pages; the rules themselves live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.curiosity.models import ANSWER_MAX


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        # The server checks the length (with the text kept), never the browser cutting it.
        widget=forms.Textarea(attrs={"rows": 4, "data-maxlength": ANSWER_MAX}),
        error_messages={"required": _("Please write a few words here.")},
        strip=False,
    )
