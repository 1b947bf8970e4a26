"""WSGI entry point (gunicorn config.wsgi); production settings unless told otherwise."""

from __future__ import annotations

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()


def _warm() -> None:
    from turntoward.language.risk import warm

    warm()


# Build the risk engine while the process waits for its first request, so that the first
# entry saved after a start does not take three seconds (see risk.warm).
threading.Thread(target=_warm, name="warm-risk-engine", daemon=True).start()
