"""The public JSON API under /api/v1/."""

from __future__ import annotations

from ninja import NinjaAPI

from turntoward.api import (
    errors,
    views_activities,
    views_appreciation,
    views_assessments,
    views_bids,
    views_coach,
    views_curiosity,
    views_findhelp,
    views_goals,
    views_insights,
    views_journal,
    views_lessons,
    views_notifications,
    views_reflection,
    views_safety,
    views_safetyscreen,
    views_selfcare,
    views_weekly,
)
from turntoward.api.auth import session_token
from turntoward.api.views_checkins import router as checkins_router
from turntoward.api.views_couple import router as couple_router
from turntoward.api.views_me import router as me_router

api = NinjaAPI(
    title="Turn Toward API",
    version="1",
    description=(
        "Sign up or log in with allauth's headless endpoints under `/_allauth/app/v1/` and "
        "send the session token as `X-Session-Token`. Errors are JSON with a `detail`; "
        "validation errors are 422 and name the fields; objects you may not see are 404."
    ),
    auth=session_token,
    urls_namespace="api",
)
errors.install(api)
api.add_router("/me", me_router)
api.add_router("/couple", couple_router)
api.add_router("/checkins", checkins_router)

# Each practice mounts its routers under its own plain-named prefixes.
for _module in (
    views_bids,
    views_appreciation,
    views_curiosity,
    views_lessons,
    views_activities,
    views_goals,
    views_weekly,
    views_reflection,
    views_selfcare,
    views_journal,
    views_safety,
    views_coach,
    views_safetyscreen,
    views_assessments,
    views_insights,
    views_notifications,
    views_findhelp,
):
    for _prefix, _router in _module.ROUTERS.items():
        api.add_router(_prefix, _router)
