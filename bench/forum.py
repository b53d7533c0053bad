"""The Forum benchmark: a discussion with 2,000 comments and a group with 1,000
discussions, the first pages of the discussion, the group and its activity through gunicorn, against the ceiling measured
in the same run; and the SQL statements per page at 10 and at 2,000 comments.

    python bench/forum.py [--comments 2000] [--discussions 1000] [--requests 200]

Uses the benchmark's database (bench/settings.py; migrated by bench/generate.py
or `manage.py migrate`) and replaces its own group `bench-forum` each run.
Writes bench/results/forum.json.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from bench.latency import CEILING, Client, Server, log, percentiles  # noqa: E402
from bench.provenance import commit, machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SLUG = "bench-forum"


def build(comments, discussions):
    """A public group: one discussion with `comments` threaded comments (a
    quarter at the top, the rest replies up to three deep), and `discussions`
    more discussions for the group page."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from community.models import Discussion, ForumComment, ForumGroup, Membership

    ForumGroup.objects.filter(slug=SLUG).delete()
    User = get_user_model()
    users = [User.objects.get_or_create(username=f"bench-member-{n}")[0] for n in range(20)]
    group = ForumGroup.objects.create(name="Benchmark forum", slug=SLUG)
    Membership.objects.bulk_create([Membership(group=group, user=user) for user in users])
    now = timezone.now()
    Discussion.objects.bulk_create(
        [
            Discussion(group=group, title=f"Question {n} on tenders", body="Body.", author=users[0])
            for n in range(discussions)
        ]
    )
    big = Discussion.objects.create(
        group=group, title="Long thread", body="Start.", author=users[0]
    )
    content_type = ContentType.objects.get_for_model(Discussion)
    posted = []
    started = time.perf_counter()
    for n in range(comments):
        parent = None
        if n % 4 and posted:
            candidate = posted[-1]
            parent = candidate if candidate.level < 3 else None
        # One transaction per comment, as a member's post is (community/posting.py).
        with transaction.atomic():
            comment = ForumComment.objects.create(
                content_type=content_type,
                object_pk=str(big.pk),
                site_id=settings.SITE_ID,
                user=users[n % len(users)],
                user_name=users[n % len(users)].username,
                user_email="",
                comment=f"Comment {n}: our **experience** with market consultations.",
                submit_date=now,
                scope=group,
                parent_id=parent.pk if parent else 0,
            )
        posted.append(comment)
    Discussion.objects.filter(pk=big.pk).update(comment_count=comments)
    elapsed = time.perf_counter() - started
    log(f"{comments} comments in {elapsed:.0f} s")
    return big, elapsed / max(comments, 1)


def statements(path):
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    client = DjangoClient(HTTP_HOST="127.0.0.1")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--discussions", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    group_pages = {"group": f"/forum/{SLUG}/", "activity": f"/forum/{SLUG}/activity/"}
    small = build(10, 10)[0].get_absolute_url()
    queries_small = {"discussion": statements(small)}
    queries_small.update({name: statements(path) for name, path in group_pages.items()})
    big, seconds_per_comment = build(args.comments, args.discussions)
    discussion = big.get_absolute_url()
    queries_big = {"discussion": statements(discussion)}
    queries_big.update({name: statements(path) for name, path in group_pages.items()})
    log(f"SQL statements, 10 vs {args.comments} comments: {queries_small} / {queries_big}")

    pages = {"discussion": discussion, **group_pages, "ceiling": CEILING}
    samples = {name: [] for name in pages}
    with Server(engine=None) as server:
        client = Client(server.port)
        for _ in range(20):
            for path in pages.values():
                client.get(path)
        for _ in range(args.requests):
            for name, path in pages.items():
                status, _body, elapsed = client.get(path)
                assert status == 200, (path, status)
                samples[name].append(elapsed)
    result = {
        "commit": commit(),
        "machine": machine(),
        "comments": args.comments,
        "discussions": args.discussions,
        "statements": {"small": queries_small, "large": queries_big},
        "ms_per_comment_created": round(seconds_per_comment * 1000, 1),
        "latency_ms": {name: percentiles(values) for name, values in samples.items()},
    }
    for name in ("discussion", *group_pages):
        result["latency_ms"][name]["ratio_p95"] = round(
            result["latency_ms"][name]["p95"] / result["latency_ms"]["ceiling"]["p95"], 1
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "forum.json").write_text(json.dumps(result, indent=2) + "\n")
    for name, figures in result["latency_ms"].items():
        log(f"{name}: p50 {figures['p50']} p95 {figures['p95']} p99 {figures['p99']} ms")
    log(f"median page: {statistics.median(samples['discussion']) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
