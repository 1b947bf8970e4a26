"""Development: debug on, console email, verification optional, SQLite by default."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, SECRET_KEY, derive_dev_key, envbool, envstr

DEBUG = envbool("DJANGO_DEBUG", True)
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if not FIELD_ENCRYPTION_KEYS:
    FIELD_ENCRYPTION_KEYS = [derive_dev_key(SECRET_KEY)]
