"""Fill the benchmark database with a whole site on top of its resources: the
demo content, then 5,000 news pages, 1,000 events, 200 forum groups with 2,000
discussions and 50,000 comments (one discussion holds 500 of them), indexed in
the database backend and, when SEARCH_URL is set, in OpenSearch.

    python bench/site.py [--news 5000] [--events 1000] [--groups 200]
                         [--comments 50000] [--thread 500] [--seed 2026]

Run it after bench/generate.py (which migrates the database and fills the
Resource Centre). It replaces what an earlier run of it made. Pages are added
one by one through Wagtail's tree (as editors add them); forum rows go in bulk,
comments with their thread data worked out here, because 50,000 saves through
django-comments-xtd (two saves and a thread walk each) would take hours.
Prints what it made and writes bench/results/site.json.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

RESULTS = ROOT / "bench" / "results"
PREFIX = "bench-"  # slugs and usernames of what this script makes
BIG_GROUP = "bench-group-0"
PARAGRAPHS = [
    "Buyers met suppliers early, before the tender was written, and changed the "
    "specification twice as a result.",
    "The contracting authority split the work into three phases and kept the right "
    "to stop after each one.",
    "Several regions pooled their demand, which made the market large enough for "
    "small firms to bid.",
    "The evaluation weighted quality and life-cycle cost above the purchase price.",
    "Intellectual property stayed with the suppliers; the buyers kept licences to use the results.",
    "An open market consultation drew sixty responses from eleven countries.",
]


def log(message):
    print(f"[site {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def timed(label):
    """Logs how long a step took and returns the seconds."""

    class Timer:
        def __enter__(self):
            self.started = time.perf_counter()
            return self

        def __exit__(self, *exc):
            self.seconds = round(time.perf_counter() - self.started, 1)
            log(f"{label} in {self.seconds} s")

    return Timer()


def without_auto_indexing():
    """Saves made here are indexed in bulk afterwards, not one request each."""
    from django.conf import settings

    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False


def load_demo():
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


def forget_earlier_run():
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from community.models import ForumComment, ForumGroup

    groups = ForumGroup.objects.filter(slug__startswith=PREFIX)
    ForumComment.objects.filter(scope__in=groups).delete()
    groups.delete()
    for page in Page.objects.filter(slug__startswith=PREFIX, depth__gt=2):
        page.delete()
    get_user_model().objects.filter(username__startswith=PREFIX).delete()


def stream(rng):
    return json.dumps(
        [
            {"type": "paragraph", "value": f"<p>{text}</p>"}
            for text in rng.sample(PARAGRAPHS, rng.randint(2, 4))
        ]
    )


def news(rng, count):
    from wagtail.models import Locale

    from home.models import NewsIndexPage, NewsPage, ProcurementType, Topic

    index = NewsIndexPage.objects.get(slug="news", locale=Locale.get_default())
    topics = list(Topic.objects.all())
    kinds = list(ProcurementType.objects.all()) + [None]
    today = datetime.date.today()
    for number in range(count):
        page = NewsPage(
            title=f"{rng.choice(topics).name}: buyers report on round {number}",
            slug=f"{PREFIX}news-{number}",
            date=today - datetime.timedelta(days=rng.randint(0, 3650)),
            intro="What the buyers learnt, and what they would do again.",
            body=stream(rng),
            procurement_type=rng.choice(kinds),
        )
        page.topics = rng.sample(topics, rng.randint(1, 3))
        index.add_child(instance=page)
        if number % 1000 == 999:
            log(f"news pages: {number + 1}/{count}")


def events(rng, count):
    from wagtail.models import Locale

    from home.models import Country, EventIndexPage, EventPage, Topic

    index = EventIndexPage.objects.get(slug="events", locale=Locale.get_default())
    topics = list(Topic.objects.all())
    countries = list(Country.objects.all())
    kinds = ["conference", "webinar", "training", "workshop"]
    today = datetime.date.today()
    for number in range(count):
        # Two thirds in the past, one third to come: an archive and a programme.
        start = today + datetime.timedelta(days=rng.randint(-730, 365))
        country = rng.choice(countries)
        page = EventPage(
            title=f"Innovation procurement {rng.choice(kinds)} {number}",
            slug=f"{PREFIX}event-{number}",
            intro="Buyers and suppliers meet to compare notes.",
            body=stream(rng),
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(0, 2)),
            all_day=True,
            time_zone="Europe/Brussels",
            city="Brussels",
            country=country,
            organiser="Benchmark organiser",
            event_type=rng.choice(kinds),
        )
        page.topics = rng.sample(topics, rng.randint(1, 2))
        index.add_child(instance=page)


def forum(rng, groups, comments, thread):
    """Users, groups (a quarter private), memberships, discussions, comments."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from community.models import Discussion, ForumGroup, Membership

    User = get_user_model()
    users = User.objects.bulk_create(
        [
            # "!" is Django's unusable password: nobody signs in as them.
            User(username=f"{PREFIX}user-{n}", email=f"user{n}@bench.invalid", password="!")  # noqa: S106
            for n in range(1000)
        ]
    )
    now = timezone.now()
    made = ForumGroup.objects.bulk_create(
        [
            ForumGroup(
                name=f"Benchmark group {n}",
                slug=f"{PREFIX}group-{n}",
                description="Buyers working on one procurement together.",
                visibility="private" if n % 4 == 3 else "public",
                created_by=users[n],
                last_activity_at=now - datetime.timedelta(hours=n),
            )
            for n in range(groups)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(group=group, user=user, role="owner" if i == 0 else "member")
            for n, group in enumerate(made)
            for i, user in enumerate([users[n], *rng.sample(users, rng.randint(4, 40))])
            if i == 0 or user != users[n]
        ],
        ignore_conflicts=True,
    )
    per_group = 10
    discussions = Discussion.objects.bulk_create(
        [
            Discussion(
                group=group,
                title=f"How did you write the call for tender, part {d}?",
                body="We are about to publish ours and would like to compare notes.",
                author=users[n],
                created_at=now - datetime.timedelta(days=d + 1),
                last_activity_at=now - datetime.timedelta(hours=n * per_group + d),
            )
            for n, group in enumerate(made)
            for d in range(per_group)
        ]
    )
    # The first discussion of the first group (public) holds `thread` comments,
    # the rest share what is left.
    shares = [thread] + [0] * (len(discussions) - 1)
    for number in range(comments - thread):
        shares[1 + number % (len(discussions) - 1)] += 1
    total = insert_comments(rng, discussions, shares, users)
    for discussion, share in zip(discussions, shares, strict=True):
        discussion.comment_count = share
    Discussion.objects.bulk_update(discussions, ["comment_count"], batch_size=2000)
    return {"users": len(users), "groups": len(made), "discussions": len(discussions)}, total


def threaded(rng, count):
    """(level, parent index) for `count` comments in the order they are shown:
    each is a new thread or a reply to the one before or to one of its
    ancestors, so every reply lands at the end of its thread and a thread's
    `order` is simply its comments' running number."""
    shape, path = [], []
    for number in range(count):
        if not path or rng.random() < 0.3:
            path = [number]
        else:
            path = path[: rng.randint(1, min(len(path), 3))] + [number]
        shape.append((len(path) - 1, path[-2] if len(path) > 1 else number))
    return shape


def insert_comments(rng, discussions, shares, users):
    """django-comments' three tables (comment, xtd thread data, forum scope),
    written in batches of rows whose ids come from the database."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from django_comments.models import Comment
    from django_comments_xtd.models import XtdComment

    from community.models import Discussion, ForumComment

    content_type = ContentType.objects.get_for_model(Discussion)
    now = timezone.now()
    xtd_table, forum_table = XtdComment._meta.db_table, ForumComment._meta.db_table
    total = 0
    for first in range(0, len(discussions), 100):
        batch = list(
            zip(discussions[first : first + 100], shares[first : first + 100], strict=True)
        )
        rows, shapes = [], []
        for discussion, share in batch:
            shape = threaded(rng, share)
            shapes.append(shape)
            for number in range(share):
                user = users[rng.randrange(len(users))]
                rows.append(
                    Comment(
                        content_type=content_type,
                        object_pk=str(discussion.pk),
                        site_id=settings.SITE_ID,
                        user=user,
                        user_name=user.username,
                        user_email=user.email,
                        comment=f"Comment {number}: {rng.choice(PARAGRAPHS)}",
                        submit_date=now - datetime.timedelta(minutes=share - number),
                    )
                )
        with transaction.atomic():
            created = Comment.objects.bulk_create(rows)
            xtd, forum_rows, at = [], [], 0
            for (discussion, share), shape in zip(batch, shapes, strict=True):
                ids = [comment.pk for comment in created[at : at + share]]
                descendants = [0] * share
                for number, (level, _parent) in enumerate(shape):
                    walk = number
                    for _ in range(level):
                        walk = shape[walk][1]
                        descendants[walk] += 1
                thread_start = 0
                for number, (level, parent) in enumerate(shape):
                    if level == 0:
                        thread_start = number
                    xtd.append(
                        (
                            ids[number],
                            ids[thread_start],
                            ids[parent],
                            level,
                            number - thread_start + 1,
                            False,
                            descendants[number],
                        )
                    )
                    forum_rows.append((ids[number], discussion.group_id))
                at += share
            with connection.cursor() as cursor:
                cursor.executemany(
                    f'INSERT INTO {xtd_table} (comment_ptr_id, thread_id, parent_id, level, "order", '  # noqa: S608 fixed names
                    "followup, nested_count) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    xtd,
                )
                cursor.executemany(
                    f"INSERT INTO {forum_table} (xtdcomment_ptr_id, scope_id) VALUES (%s, %s)",  # noqa: S608
                    forum_rows,
                )
        total += len(created)
        if first % 500 == 0:
            log(f"comments: {total}")
    return total


def index(models):
    """Both backends, in bulk, as `update_index` would."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    for name in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(name)
        for model in models:
            objects = model.get_indexed_objects().order_by("pk")
            with timed(f"{name} index: {model.__name__}"):
                for start in range(0, objects.count(), 1000):
                    backend.add_bulk(model, list(objects[start : start + 1000]))
        if hasattr(backend, "es"):
            backend.es.indices.refresh(index=f"{settings.INDEX_PREFIX}*")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=5000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--comments", type=int, default=50000)
    parser.add_argument("--thread", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from community.models import Discussion, ForumComment
    from home.models import EventPage, NewsPage

    rng = random.Random(args.seed)  # noqa: S311 repeatable data, not secrets
    result = {"seed": args.seed, "seconds": {}}
    steps = [
        ("demo content", load_demo),
        ("earlier run removed", forget_earlier_run),
    ]
    for label, step in steps:
        with timed(label) as timer:
            step()
        result["seconds"][label] = timer.seconds
    without_auto_indexing()
    with timed(f"{args.news} news pages") as timer:
        news(rng, args.news)
    result["seconds"]["news"] = timer.seconds
    with timed(f"{args.events} events") as timer:
        events(rng, args.events)
    result["seconds"]["events"] = timer.seconds
    with timed("forum") as timer:
        made, comments = forum(rng, args.groups, args.comments, args.thread)
    result["seconds"]["forum"] = timer.seconds
    with timed("search indices") as timer:
        index([NewsPage, EventPage, Discussion, ForumComment])
    result["seconds"]["indices"] = timer.seconds
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    result["made"] = {
        "news pages": NewsPage.objects.count(),
        "events": EventPage.objects.count(),
        **made,
        "comments": comments,
        "comments in the longest discussion": args.thread,
    }
    from bench.provenance import commit

    result["commit"] = commit()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "site.json").write_text(json.dumps(result, indent=2) + "\n")
    log(f"made {result['made']}")


if __name__ == "__main__":
    main()
