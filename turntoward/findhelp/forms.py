"""The filter form on the Find help page: a plain GET form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from turntoward.findhelp.services import Mode


class FindForm(forms.Form):
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    mode = forms.ChoiceField(
        label=_("Online or in person"),
        required=False,
        choices=[
            ("", _("Either")),
            (Mode.ONLINE, _("Online")),
            (Mode.IN_PERSON, _("In person")),
        ],
    )

    def __init__(self, *args, cities: list[str], languages: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("Any city"))] + [(c, c) for c in cities]
        self.fields["language"].choices = [("", _("Any language"))] + [(x, x) for x in languages]
