"""Create a demo couple with eight weeks of check-ins. Safe to run again."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from turntoward.accounts.models import User
from turntoward.checkins.models import CheckIn, CheckInReply
from turntoward.couples.models import Couple, Membership

DEMO_PASSWORD = "turn-toward-demo"
PEOPLE = [
    ("maya@demo.turntoward.test", "Maya", "Asia/Kolkata", "IN"),
    ("arjun@demo.turntoward.test", "Arjun", "Asia/Kolkata", "IN"),
]
WEEKS = 8

GOOD = [
    "We had tea together before the kids woke up.",
    "A colleague thanked me for my help on the project.",
    "You remembered my meeting and asked how it went.",
    "A long walk after dinner, no phones.",
    "Laughed at the same silly video in bed.",
    "Finished the report I'd been dreading.",
    "The little one slept through the night.",
    "Cooked your favourite dal and it turned out well.",
    "A quiet half hour to read.",
    "We planned the weekend together instead of by text.",
    "A warm call with my sister.",
    "You held my hand in the market.",
]
HARD = [
    "Work ran late again and I felt stretched thin.",
    "I felt a bit alone at dinner while we were both on our phones.",
    "Traffic and a headache on the way home.",
    "I was short with the kids and felt bad about it.",
    "Money worries kept circling in my head.",
    "I wanted to talk about my day but the moment passed.",
    "Too many chores, not enough hands.",
    "I felt unheard in a meeting.",
    "Tired, and the evening disappeared into logistics.",
    "Missed my run because of the school pickup.",
]
NEEDS = [
    "Ten minutes to talk before we start on the evening's jobs.",
    "A hug when I get home.",
    "Help with the dishes tonight.",
    "A phone-free dinner.",
    "",
    "",
    "",
]
REPLIES = [
    "Thank you for telling me. Let's have that tea again tomorrow.",
    "I'm sorry it was a long day. I'll take the dishes.",
    "I noticed that too. Phones in the basket at dinner?",
    "That made me smile as well.",
    "Want to walk after dinner tomorrow?",
]


class Command(BaseCommand):
    help = "Create (or refresh) the demo couple Maya and Arjun with eight weeks of history."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            people = []
            for email, name, tz, country in PEOPLE:
                user, created = User.objects.get_or_create(
                    email=email, defaults={"name": name, "time_zone": tz, "country": country}
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                EmailAddress.objects.update_or_create(
                    user=user, email=email, defaults={"verified": True, "primary": True}
                )
                people.append(user)
            maya, arjun = people
            today = maya.local_today()
            start = today - timedelta(weeks=WEEKS)
            if not hasattr(maya, "membership") and not hasattr(arjun, "membership"):
                couple = Couple.objects.create(started_on=start)
                for person in people:
                    Membership.objects.create(user=person, couple=couple)
            made = 0
            # A fixed seed keeps the history the same however often this runs.
            for offset in range(WEEKS * 7, 0, -1):
                day = today - timedelta(days=offset)
                rng = random.Random(f"demo-{day.isoformat()}")  # noqa: S311 - demo data, not secrets
                # The couple grows closer over the weeks: the trend a real couple hopes for.
                progress = 1 - offset / (WEEKS * 7)
                for index, person in enumerate(people):
                    if rng.random() < (0.25 - 0.15 * progress):
                        continue  # a missed day now and then
                    mood = max(1, min(5, round(2.4 + 2 * progress + rng.uniform(-1, 1))))
                    connection = max(
                        1, min(5, round(2 + 2.4 * progress + rng.uniform(-1, 1) - 0.3 * index))
                    )
                    at = datetime.combine(day, time(21, rng.randint(0, 50)), tzinfo=person.tz)
                    _checkin, was_new = CheckIn.objects.get_or_create(
                        author=person,
                        day=day,
                        defaults={
                            "mood": mood,
                            "connection": connection,
                            "good_thing": rng.choice(GOOD),
                            "hard_thing": rng.choice(HARD),
                            "need": rng.choice(NEEDS),
                            "created_at": at,
                            "updated_at": at,
                        },
                    )
                    made += int(was_new)
                mine = CheckIn.objects.filter(day=day, author__in=people).order_by("author__email")
                if len(mine) == 2 and rng.random() < 0.45:
                    target = rng.choice(list(mine))
                    replier = arjun if target.author_id == maya.pk else maya
                    CheckInReply.objects.get_or_create(
                        checkin=target,
                        author=replier,
                        defaults={"text": rng.choice(REPLIES), "day": target.day},
                    )
            self._seed_practices(maya, arjun)
        self.stdout.write(self.style.SUCCESS(f"Demo couple ready ({made} new check-ins)."))
        self.stdout.write(f"Demo logins (password for both: {DEMO_PASSWORD}):")
        for email, name, _tz, _c in PEOPLE:
            self.stdout.write(f"  {name}: {email}")
        self.stdout.write("Today is left for you: log in as either and check in.")

    def _seed_practices(self, maya: User, arjun: User) -> None:
        """A few days of bids, appreciations, kindness, a goal and a plan, once."""
        from turntoward.activities import services as activities
        from turntoward.activities.models import ActivityIdea, ActivityPlan
        from turntoward.appreciation import services as appreciation
        from turntoward.appreciation.models import Appreciation, KindnessIdea
        from turntoward.bids import services as bids
        from turntoward.bids.models import Bid
        from turntoward.goals import services as goals
        from turntoward.goals.models import Goal

        now = timezone.now()
        if not Bid.objects.filter(author__in=[maya, arjun]).exists():
            history = [
                (
                    maya,
                    "me",
                    "affection",
                    "I reached for Arjun's hand on the sofa.",
                    5,
                    "toward",
                    None,
                ),
                (
                    arjun,
                    "me",
                    "sharing_news",
                    "I told Maya the project was approved.",
                    4,
                    "toward",
                    None,
                ),
                (
                    maya,
                    "partner",
                    "humour",
                    "Arjun sent me a silly photo of the cat.",
                    3,
                    "toward",
                    None,
                ),
                (
                    maya,
                    "me",
                    "attention",
                    "I asked how his day was while he was on his phone.",
                    2,
                    "away",
                    "I'm sorry I missed you there. Ask me again tonight?",
                ),
                (arjun, "me", "help", "I asked Maya to help me find my keys.", 1, "toward", None),
                (
                    arjun,
                    "partner",
                    "affirmation",
                    "Maya asked if her talk went well.",
                    1,
                    None,
                    None,
                ),
            ]
            for author, by, kind, text, days_ago, response, repair in history:
                bid = bids.log_bid(
                    author,
                    description=text,
                    kind=kind,
                    by=by,
                    occurred_at=now - timedelta(days=days_ago, hours=2),
                )
                if response:
                    bids.respond_to_bid(bid.receiver, bid.id, response=response)
                if repair:
                    bids.repair_bid(bid.receiver, bid.id, note=repair)
        if not Appreciation.objects.filter(author__in=[maya, arjun]).exists():
            appreciation.send_appreciation(
                maya, text="Thank you for making tea before I woke up.", kind="did"
            )
            appreciation.send_appreciation(
                arjun, text="I love how patient you are with the kids at bedtime.", kind="quality"
            )
        idea = KindnessIdea.objects.order_by("slug").first()
        if idea is not None and not idea.acts.filter(author__in=[maya, arjun]).exists():
            appreciation.record_kindness(arjun, idea=idea.slug, note="")
        if not Goal.objects.filter(author__in=[maya, arjun]).exists():
            goal = goals.create_goal(
                maya,
                title="Phone-free dinners on weekdays",
                why="We talk more when the phones are in the basket.",
            )
            goals.add_update(
                arjun, goal.id, progress=40, note="Three dinners this week without phones."
            )
        if not ActivityPlan.objects.filter(planner__in=[maya, arjun]).exists():
            first = ActivityIdea.objects.order_by("slug").first()
            if first is not None:
                activities.plan_activity(
                    arjun, idea=first.slug, starts_at=now + timedelta(days=2, hours=3)
                )
