"""Forms for the language pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.language.coach import MAX_CHARS


class DraftForm(forms.Form):
    text = forms.CharField(
        label=_("What would you like to say to your partner?"),
        help_text=_(
            "Write it as it comes. The coach points out words that may hurt and suggests a "
            "gentler way to say it. Nothing you type here is saved."
        ),
        max_length=MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5, "autocomplete": "off", "spellcheck": "true"}),
    )
