"""A group's activity: discussions started, comments posted, members joined,
newest first, paged, in a fixed number of queries, and as private as the group."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.activity import COMMENTED, JOINED, STARTED, count_group_activity, group_activity
from community.models import Discussion, ForumComment, Membership
from tests.cms.factories import UserFactory
from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.community.factories import DiscussionFactory, ForumGroupFactory

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))


def at(minutes):
    return START + datetime.timedelta(minutes=minutes)


@pytest.fixture
def story(db):
    """A group whose history is known to the minute."""
    group = ForumGroupFactory(name="Smart lighting", visibility="private")
    ana = UserFactory(username="ana")
    ana.profile.display_name = "Ana Lopes"
    ana.profile.save()
    ben = UserFactory(username="ben")
    Membership.objects.create(group=group, user=ana, role="owner", joined_at=at(0))
    Membership.objects.create(group=group, user=ben, joined_at=at(10))
    discussion = DiscussionFactory(
        group=group, author=ana, title="Market consultation", created_at=at(20)
    )
    comment = ForumComment.objects.new_on(
        discussion, ben, "We asked **twelve** suppliers & two labs.", submit_date=at(30)
    )
    comment.save()
    return {"group": group, "ana": ana, "ben": ben, "discussion": discussion, "comment": comment}


def test_the_events_come_newest_first_with_what_a_page_shows(story):
    entries = group_activity(story["group"], limit=10)
    assert [(entry.kind, entry.at) for entry in entries] == [
        (COMMENTED, at(30)),
        (STARTED, at(20)),
        (JOINED, at(10)),
        (JOINED, at(0)),
    ]
    commented, started, ben_joined, ana_joined = entries
    assert commented.user == story["ben"] and commented.title == "Market consultation"
    assert commented.url == story["comment"].get_absolute_url()
    assert commented.excerpt == "We asked twelve suppliers & two labs."
    assert started.url == story["discussion"].get_absolute_url() and started.user == story["ana"]
    assert (ben_joined.user, ana_joined.user) == (story["ben"], story["ana"])
    assert count_group_activity(story["group"]) == 4


def test_a_member_sees_the_activity_page(client, story):
    client.force_login(story["ben"])
    page = client.get("/forum/smart-lighting/activity/").content.decode()
    assert "Ana Lopes started" in page and "Market consultation" in page
    assert "ben commented on Market consultation" in page
    assert story["comment"].get_absolute_url() in page
    assert "We asked twelve suppliers &amp; two labs." in page
    assert "ben joined the group" in page and "Ana Lopes joined the group" in page
    assert page.index("ben commented") < page.index("Ana Lopes started")
    assert (
        "/forum/smart-lighting/activity/" in client.get("/forum/smart-lighting/").content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_private_groups_activity_is_seen_by_those_who_see_the_group(forum, as_role, role):
    response = as_role(role).get("/forum/secret-consortium/activity/")
    if role in SEES_PRIVATE:
        assert response.status_code == 200
        assert "Budget figures for phase two." in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_a_public_groups_activity_is_public(forum, as_role, role):
    page = as_role(role).get("/forum/open-buyers/activity/").content.decode()
    assert "Anyone used PIN notices?" in page and "Open question on tenders" in page


def test_removed_and_unpublished_comments_and_banned_members_are_left_out(story):
    ForumComment.objects.filter(pk=story["comment"].pk).update(is_removed=True)
    hidden = ForumComment.objects.new_on(
        story["discussion"], story["ana"], "Draft", submit_date=at(40)
    )
    hidden.is_public = False
    hidden.save()
    Membership.objects.filter(user=story["ben"]).update(banned=True)
    kinds = [entry.kind for entry in group_activity(story["group"], limit=10)]
    assert kinds == [STARTED, JOINED]
    assert count_group_activity(story["group"]) == 2


def test_a_deleted_accounts_comment_keeps_the_name_it_was_posted_under(client, story):
    story["ben"].delete()
    commented = group_activity(story["group"], limit=10)[0]
    assert commented.kind == COMMENTED and commented.user is None and commented.name == "ben"
    client.force_login(story["ana"])
    assert "ben commented on" in client.get("/forum/smart-lighting/activity/").content.decode()


def test_other_groups_events_stay_out(story, forum):
    entries = group_activity(story["group"], limit=50)
    assert {entry.title for entry in entries} <= {"Market consultation", ""}
    assert len(entries) == 4


def test_pages_follow_each_other_without_gaps_or_repeats(client, story, settings):
    settings.FORUM_PAGE_SIZE = 3
    for n in range(5):
        DiscussionFactory(group=story["group"], title=f"Topic {n}", created_at=at(100 + n))
    client.force_login(story["ana"])
    seen = []
    for number in (1, 2, 3):
        page = client.get(f"/forum/smart-lighting/activity/?page={number}")
        assert page.status_code == 200
        seen += [(entry.kind, entry.at) for entry in page.context["entries"]]
    assert len(seen) == 9 == len(set(seen))
    assert seen == sorted(seen, key=lambda event: event[1], reverse=True)
    assert client.get("/forum/smart-lighting/activity/?page=4").status_code == 404


def test_a_group_without_events_has_an_empty_page(client, forum):
    ForumGroupFactory(name="Quiet group")
    page = client.get("/forum/quiet-group/activity/")
    assert page.status_code == 200 and "Nothing has happened here yet." in page.content.decode()


def grow(story, n):
    """n more events of each kind, by different people."""
    group, discussion = story["group"], story["discussion"]
    for i in range(n):
        user = UserFactory()
        Membership.objects.create(group=group, user=user, joined_at=at(200 + i))
        Discussion.objects.create(group=group, author=user, title=f"T{i}", body="b", created_at=at(300 + i))  # fmt: skip
        ForumComment.objects.new_on(discussion, user, f"C{i}", submit_date=at(400 + i)).save()


def queries(call):
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_events(client, story, settings):
    settings.FORUM_PAGE_SIZE = 30
    group = story["group"]
    ForumComment.objects.new_on(
        story["discussion"], story["ana"], "More", submit_date=at(50)
    ).save()
    client.force_login(story["ana"])

    def page():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/forum/smart-lighting/activity/")
        return len(captured), len(response.context["entries"])

    page()  # the first request of a session costs more
    few = queries(lambda: group_activity(group, limit=30))
    few_page, shown = page()
    assert shown == 5

    grow(story, 10)  # 35 events; the first 30 hold every kind
    assert queries(lambda: group_activity(group, limit=30)) == few <= 4
    many_page, shown = page()
    assert shown == 30 and many_page == few_page
