"""Tests: fast hashing, in-memory email, fixed keys; DATABASE_URL picks PostgreSQL."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import derive_dev_key

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
FIELD_ENCRYPTION_KEYS = [derive_dev_key("test-key-1")]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ALLOWED_HOSTS = ["*"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
