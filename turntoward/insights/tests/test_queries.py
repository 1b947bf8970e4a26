"""The number of queries for insights does not grow with the length of the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from turntoward.insights import services
from turntoward.insights.testing import bulk_history
from turntoward.testing import api_for, make_couple, make_user


def queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def pair(name: str, days: int):
    a, b = make_user(f"{name}A"), make_user(f"{name}B")
    couple = make_couple(a, b, started_on=a.local_today() - timedelta(days=days + 10))
    bulk_history(couple, a, b, days)
    return a


@pytest.mark.parametrize("period", ["4w", "3m", "1y", "all"])
def test_insights_take_the_same_queries_for_one_week_or_three_years(db, period):
    short, long = pair("Short", 7), pair("Long", 3 * 365)

    few = queries(lambda: services.compute(short, period))
    many = queries(lambda: services.compute(long, period))

    assert few == many
    assert many <= 40


def test_the_page_and_the_api_take_the_same_queries_for_short_and_long_histories(
    db, django_assert_max_num_queries
):
    short, long = pair("Short", 7), pair("Long", 2 * 365)
    counts = {}
    for name, user in (("short", short), ("long", long)):
        page = Client()
        page.force_login(user)
        client = api_for(user)
        counts[name] = (
            queries(lambda p=page: p.get("/insights/?period=all")),
            queries(lambda c=client: c.get("/api/v1/insights?period=all")),
        )
    assert counts["short"] == counts["long"]
    page = Client()
    page.force_login(long)
    with django_assert_max_num_queries(60):
        assert page.get("/insights/?period=1y").status_code == 200


def test_a_long_history_gives_bounded_series(db):
    user = pair("Long", 3 * 365)

    data = services.compute(user, "all")

    assert data.bucket == "month"
    assert 36 <= len(data.connection) <= 38
    assert any(p["partner"] is not None for p in services.compute(user, "4w").connection)
