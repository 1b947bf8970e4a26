"""Insights on a short and a long history: time and queries should not grow with history.

    .venv/bin/python bench/insights_bench.py [--runs 15] [--noise 20]
    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/tt_insights \\
        .venv/bin/python bench/insights_bench.py

Works in a throwaway database: a temporary SQLite file (the default), or, with a
PostgreSQL DATABASE_URL, Django's test database next to it (test_<name>), created,
migrated and dropped again. It writes (bulk_create) one couple with 1 week of daily
history, one with 5 years, and `--noise` other couples with a year each so the tables are
not trivially small. For each couple it times (median of `--runs`) the insights service,
the /insights/ page and the /api/v1/insights call, for the default period (4w) and for
`all`, and counts their queries. Target: 5 years within 1.5x the time of 1 week, and the
same number of queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--noise", type=int, default=20, help="other couples, a year each")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="insights-bench-")
    url = os.environ.get("DATABASE_URL", "")
    sqlite = not url or url.startswith("sqlite")
    if sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    created_test_db = None
    if sqlite:
        call_command("migrate", verbosity=0)
    else:
        created_test_db = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
    try:
        return run(args, connection)
    finally:
        if created_test_db:
            connection.creation.destroy_test_db(created_test_db, verbosity=0)
        tmp.cleanup()


def run(args, connection) -> int:
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from turntoward.insights import services
    from turntoward.insights.testing import bulk_history
    from turntoward.testing import api_for, make_couple, make_user

    def couple_with(name: str, days: int):
        a, b = make_user(f"{name}a"), make_user(f"{name}b")
        couple = make_couple(a, b, started_on=a.local_today() - timedelta(days=days + 1))
        bulk_history(couple, a, b, days)
        return a

    started = time.perf_counter()
    for i in range(args.noise):
        couple_with(f"noise{i}", 365)
    people = {"1 week": couple_with("week", 7), "5 years": couple_with("years", 5 * 365)}
    print(
        f"database: {connection.vendor} ({connection.settings_dict['NAME']}); "
        f"data written in {time.perf_counter() - started:.1f}s; "
        f"noise couples: {args.noise} x 1 year"
    )

    def count_queries(fn) -> int:
        with CaptureQueriesContext(connection) as ctx:
            fn()
        return len(ctx.captured_queries)

    def compare(short_fn, long_fn) -> tuple[tuple[float, int], tuple[float, int]]:
        """Median times, short and long runs interleaved so machine load hits both alike."""
        short_fn(), long_fn()  # warm up
        times: dict[str, list[float]] = {"short": [], "long": []}
        for _ in range(args.runs):
            for key, fn in (("short", short_fn), ("long", long_fn)):
                t0 = time.perf_counter()
                fn()
                times[key].append(time.perf_counter() - t0)
        return (
            (statistics.median(times["short"]) * 1000, count_queries(short_fn)),
            (statistics.median(times["long"]) * 1000, count_queries(long_fn)),
        )

    calls = {}
    for label, user in people.items():
        page = Client()
        page.force_login(user)
        api = api_for(user)
        for period in ("4w", "all"):
            calls[(label, period, "service")] = lambda u=user, p=period: services.compute(u, p)
            calls[(label, period, "page")] = lambda c=page, p=period: c.get(
                f"/insights/?period={p}"
            )
            calls[(label, period, "api")] = lambda c=api, p=period: c.get(
                f"/api/v1/insights?period={p}"
            )
    results: dict[tuple[str, str, str], tuple[float, int]] = {}
    for period in ("4w", "all"):
        for what in ("service", "page", "api"):
            short, long = compare(calls[("1 week", period, what)], calls[("5 years", period, what)])
            results[("1 week", period, what)] = short
            results[("5 years", period, what)] = long

    print(f"\nmedian of {args.runs} runs (ms) and queries per call")
    print(f"{'what':<22}{'1 week':>16}{'5 years':>16}{'ratio':>8}")
    worst = 0.0
    same_queries = True
    for period in ("4w", "all"):
        for what in ("service", "page", "api"):
            short_ms, short_q = results[("1 week", period, what)]
            long_ms, long_q = results[("5 years", period, what)]
            ratio = long_ms / short_ms
            if period == "4w":
                worst = max(worst, ratio)
            same_queries &= short_q == long_q
            print(
                f"{what + ' ' + period:<22}{short_ms:>9.1f} ({short_q:>2}q)"
                f"{long_ms:>9.1f} ({long_q:>2}q){ratio:>7.2f}x"
            )
    print(
        f"\ndefault period (4w): worst ratio {worst:.2f}x (target <= 1.5x); "
        f"queries equal for short and long history: {same_queries}"
    )
    return 0 if same_queries else 1


if __name__ == "__main__":
    raise SystemExit(main())
