"""Settings for real `manage.py run_huey` workers started by the idempotency tests.

The test settings, pointed at the test's own database, a Redis queue unique to the
test, and the loopback SMTP server the test listens on.
"""

from __future__ import annotations

import os

from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES

DATABASES["default"]["NAME"] = os.environ["TT_WORKER_DB_NAME"]
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["TT_WORKER_SMTP_PORT"])
EMAIL_USE_TLS = EMAIL_USE_SSL = False
NOTIFICATIONS_CLAIM_LEASE = int(os.environ.get("TT_WORKER_LEASE", "2"))
HUEY = {
    "huey_class": "huey.RedisHuey",
    "name": os.environ["TT_WORKER_QUEUE"],
    "url": os.environ.get("TT_WORKER_REDIS_URL", "redis://127.0.0.1:6379/0"),
    "immediate": False,
    "utc": True,
}
