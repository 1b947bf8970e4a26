"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still
# let the test set up data there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """allauth's rate limits live in the cache; each test starts with none spent."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    from turntoward.testing import make_user

    return make_user("Alice", time_zone="Europe/London", country="GB")


@pytest.fixture
def bob(db):
    from turntoward.testing import make_user

    return make_user("Bob", time_zone="Europe/London", country="GB")


@pytest.fixture
def couple(alice, bob):
    from turntoward.testing import make_couple

    return make_couple(alice, bob)


@pytest.fixture
def carol(db):
    """Alice and Bob's counsellor; no consent given yet, so she sees nothing of theirs."""
    from turntoward.testing import make_user

    return make_user("Carol", time_zone="Asia/Kolkata", country="IN")


@pytest.fixture
def dave(db):
    """Another couple's partner (with Dana): an outsider to Alice and Bob."""
    from turntoward.testing import make_couple, make_user

    dave = make_user("Dave", time_zone="America/New_York", country="US")
    dana = make_user("Dana", time_zone="America/New_York", country="US")
    make_couple(dave, dana)
    return dave


@pytest.fixture
def erin(db):
    from turntoward.testing import make_user

    return make_user("Erin", time_zone="UTC", country="GB")


# --- browser tests ---------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return  # in CI a missing browser must fail loudly, not skip
    skip = pytest.mark.skip(reason="Chromium not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def artifacts() -> Path:
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- a real SMTP server on loopback ----------------------------------------


class SmtpSink:
    """Collects messages received by a real SMTP server on 127.0.0.1."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.received.set()
        return "250 OK"


@pytest.fixture
def smtp_server(settings) -> Iterator[SmtpSink]:
    """Point Django's SMTP backend at a real server listening on loopback."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield sink
    finally:
        controller.stop()
