"""Show practice content (loaded from YAML, stored in English) in the active language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def tr(value: object) -> object:
    """``{{ question.text|tr }}``: a content string translated; anything else unchanged.

    The strings reach the catalogues through turntoward/core/content_messages.py.
    """
    if isinstance(value, str) and value:
        return gettext(value)
    return value
