"""Idempotency with real worker processes (`manage.py run_huey`) on PostgreSQL and Redis.

Two workers at once, and a worker killed in the middle of sending then replaced: every
due reminder arrives exactly once. The workers need committed data in a database they
can reach, so these tests run on PostgreSQL (as CI does) and are skipped on SQLite's
in-memory test database.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from turntoward.notifications.models import Notification, Status
from turntoward.notifications.tasks import scan_now
from turntoward.testing import make_user

REDIS_URL = os.environ.get("TT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
NOW = "2027-06-10T21:30:00+00:00"  # 21:30 UTC: everyone's 21:00 UTC reminder is due


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


pytestmark = [
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="worker processes need a shared database: run with DATABASE_URL=postgres://...",
    ),
    pytest.mark.skipif(
        not _redis_up() and not os.environ.get("CI"),
        reason=f"Redis is not reachable at {REDIS_URL}",
    ),
]


class Workers:
    """Start and stop `manage.py run_huey` processes on one test queue."""

    def __init__(self, smtp_port: int) -> None:
        self.queue = f"tt-test-{uuid.uuid4().hex[:12]}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "turntoward.notifications.tests.worker_settings",
            "TT_WORKER_DB_NAME": connection.settings_dict["NAME"],
            "TT_WORKER_SMTP_PORT": str(smtp_port),
            "TT_WORKER_QUEUE": self.queue,
            "TT_WORKER_REDIS_URL": REDIS_URL,
            "TT_WORKER_LEASE": "2",
        }
        self.processes: list[subprocess.Popen] = []
        from huey import RedisHuey

        self.huey = RedisHuey(self.queue, url=REDIS_URL)
        self.huey._registry.register(scan_now.task_class)

    def start(self, threads: int = 1) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_huey", "--no-periodic", "-w", str(threads)],
            cwd=Path(settings.BASE_DIR),
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def tick(self) -> None:
        """What the periodic scan does each minute, on demand."""
        self.huey.enqueue(scan_now.s(NOW))

    def kill(self, process: subprocess.Popen) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
        self.huey.storage.flush_queue()
        self.huey.storage.flush_schedule()


def people(n: int) -> list:
    return [make_user(f"Person{i:02d}", time_zone="UTC") for i in range(n)]


def wait_for(condition, seconds: float, tick=None) -> bool:
    deadline = time.monotonic() + seconds
    next_tick = 0.0
    while time.monotonic() < deadline:
        if condition():
            return True
        if tick is not None and time.monotonic() >= next_tick:
            tick()
            next_tick = time.monotonic() + 1.5
        time.sleep(0.1)
    return condition()


def recipients(sink) -> Counter:
    return Counter(m["To"] for m in sink.messages)


def all_sent() -> bool:
    return not Notification.objects.exclude(status=Status.SENT).exists() and (
        Notification.objects.exists()
    )


@pytest.fixture
def pool(smtp_server, settings, transactional_db):
    workers = Workers(settings.EMAIL_PORT)
    yield workers
    workers.stop()


def test_two_workers_at_once_send_each_reminder_exactly_once(transactional_db, smtp_server, pool):
    everyone = people(40)
    pool.start(threads=3)
    pool.start(threads=3)
    for _ in range(8):  # many scans racing on two processes and six threads
        pool.tick()

    assert wait_for(lambda: len(smtp_server.messages) >= 40 and all_sent(), 90)
    time.sleep(2)
    pool.tick()
    time.sleep(2)
    assert recipients(smtp_server) == Counter(p.email for p in everyone)
    assert Notification.objects.filter(status=Status.SENT).count() == 40


def test_a_worker_killed_mid_send_is_replaced_and_nothing_is_sent_twice_or_skipped(
    transactional_db, smtp_server, pool
):
    everyone = people(12)
    gate = threading.Event()
    stuck = threading.Event()
    original = smtp_server.handle_DATA

    async def handle_data(server, session, envelope):
        if len(smtp_server.messages) == 4 and not gate.is_set():
            # The fifth message: hold the worker inside SMTP until the test kills it.
            stuck.set()
            await asyncio.to_thread(gate.wait, 30)
            return "451 try again later"
        return await original(server, session, envelope)

    smtp_server.handle_DATA = handle_data
    first = pool.start(threads=1)
    pool.tick()
    assert stuck.wait(60), "the first worker never reached the fifth message"
    pool.kill(first)
    gate.set()

    statuses = Counter(Notification.objects.values_list("status", flat=True))
    assert statuses == {Status.SENT: 4, Status.SENDING: 1, Status.PENDING: 7}
    assert len(smtp_server.messages) == 4

    pool.start(threads=1)  # the replacement; scans keep coming as the periodic task would
    assert wait_for(lambda: len(smtp_server.messages) >= 12 and all_sent(), 90, tick=pool.tick)
    time.sleep(2)
    assert recipients(smtp_server) == Counter(p.email for p in everyone)
