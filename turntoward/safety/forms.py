"""The private safety screen as a form: one no / sometimes / yes choice per question."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from turntoward.safety import services

CHOICES = [("no", _("No")), ("sometimes", _("Sometimes")), ("yes", _("Yes"))]


class ScreenForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in services.questions():
            self.fields[question["slug"]] = forms.ChoiceField(
                label=gettext(question["text"]),
                choices=CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose no, sometimes or yes.")},
            )
