import pytest

from tests.cms.factories import UserFactory
from tests.community.factories import DiscussionFactory, ForumGroupFactory, forum_comment

ROLES = [
    "anonymous",
    "outsider",  # signed in, not a member
    "member",
    "group_moderator",
    "site_moderator",
    "banned",
    "former_member",
]
# Who sees a private group's pages: its members and site moderators, nobody else.
SEES_PRIVATE = {"member", "group_moderator", "site_moderator"}


IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """The worker's tasks (re-encoding images) run inside the request that
    queues them, so a test sees their outcome at once. The real worker is
    proved in test_image_worker.py; `queued_tasks` keeps them queued."""
    settings.TASKS = {**settings.TASKS, "background": IMMEDIATE}


@pytest.fixture
def queued_tasks(settings, tasks_run_at_once):
    """Tasks wait in the database queue, as with the worker stopped."""
    from cms.settings import base

    settings.TASKS = base.TASKS


@pytest.fixture
def forum(home_page):
    """A public and a private group, each with a discussion and a short thread,
    and one user per role with respect to the private group, on the site at
    http://testserver/ (home_page), which absolute URLs are built from."""
    from django.contrib.auth.models import Group

    from community.models import Membership

    public = ForumGroupFactory(name="Open buyers", slug="open-buyers")
    private = ForumGroupFactory(
        name="Secret consortium", slug="secret-consortium", visibility="private"
    )
    users = {role: UserFactory(username=role) for role in ROLES if role != "anonymous"}
    owner = UserFactory(username="owner")
    Membership.objects.create(group=private, user=owner, role="owner")
    Membership.objects.create(group=private, user=users["member"])
    Membership.objects.create(group=private, user=users["group_moderator"], role="moderator")
    Membership.objects.create(group=private, user=users["banned"], banned=True)
    users["site_moderator"].groups.add(Group.objects.get(name="Forum moderators"))
    # The former member was in the group and wrote in it, then left.
    former = Membership.objects.create(group=private, user=users["former_member"])

    public_discussion = DiscussionFactory(
        group=public, title="Open question on tenders", author=owner
    )
    private_discussion = DiscussionFactory(
        group=private, title="Confidential evaluation plan", author=owner
    )
    private_comment = forum_comment(
        private_discussion, users["former_member"], "Budget figures for phase two."
    )
    reply = forum_comment(private_discussion, owner, "Thanks, noted.", parent=private_comment)
    former.delete()
    public_comment = forum_comment(public_discussion, owner, "Anyone used PIN notices?")
    return {
        "public": public,
        "private": private,
        "users": users,
        "owner": owner,
        "public_discussion": public_discussion,
        "private_discussion": private_discussion,
        "private_comment": private_comment,
        "private_reply": reply,
        "public_comment": public_comment,
    }


@pytest.fixture
def as_role(client, forum):
    """A test client signed in as the given role (or anonymous)."""

    def sign_in(role):
        client.logout()
        if role != "anonymous":
            client.force_login(forum["users"][role])
        return client

    return sign_in


def index_forum(alias=None):
    """Every forum post in the backend's index, as `update_index` leaves it;
    by default the index site search reads (the engine under `make test`)."""
    from wagtail.search.backends import get_search_backend

    from community.models import Discussion, ForumComment
    from search.backends import engine_configured
    from search.engine_analysis import empty_index

    alias = alias or ("engine" if engine_configured() else "default")

    search_backend = get_search_backend(alias)
    for model in (Discussion, ForumComment):
        if alias == "engine":
            empty_index(search_backend, model)
        search_backend.add_bulk(model, list(model.get_indexed_objects()))
        if alias == "engine":
            search_backend.get_index_for_model(model).refresh()
    return alias


@pytest.fixture
def site_index(forum, search_engine):
    """The index site search reads: each engine's node in turn."""
    return index_forum()
