"""The Forum's promise, tested as a matrix: for every surface built so far and
every role, who sees a private group's things. Hidden answers 404, never 403,
so that a private group's existence does not leak."""

import pytest

from tests.community.conftest import ROLES, SEES_PRIVATE

pytestmark = pytest.mark.django_db


def private_urls(forum):
    group, discussion = forum["private"], forum["private_discussion"]
    return {
        "group page": group.get_absolute_url(),
        "member list": f"{group.get_absolute_url()}members/",
        "activity": f"{group.get_absolute_url()}activity/",
        "discussion": discussion.get_absolute_url(),
        "discussion page 1": discussion.get_absolute_url() + "?page=1",
        "comment permalink": forum["private_comment"].get_absolute_url(),
        "reply permalink": forum["private_reply"].get_absolute_url(),
    }


@pytest.mark.parametrize("role", ROLES)
def test_private_group_pages_are_seen_by_members_and_site_moderators_only(forum, as_role, role):
    client = as_role(role)
    expected_ok = role in SEES_PRIVATE
    for surface, url in private_urls(forum).items():
        status = client.get(url).status_code
        if expected_ok:
            assert status in (200, 302), (surface, status)
        else:
            assert status == 404, (surface, status)


@pytest.mark.parametrize("role", ROLES)
def test_public_group_pages_are_seen_by_everyone(forum, as_role, role):
    client = as_role(role)
    group, discussion = forum["public"], forum["public_discussion"]
    for url in (group.get_absolute_url(), discussion.get_absolute_url()):
        assert client.get(url).status_code == 200
    assert client.get(forum["public_comment"].get_absolute_url()).status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_forum_index_lists_a_private_group_only_to_those_who_see_it(forum, as_role, role):
    page = as_role(role).get("/forum/").content.decode()
    assert "Open buyers" in page
    assert ("Secret consortium" in page) == (role in SEES_PRIVATE)


@pytest.mark.parametrize("role", ROLES)
def test_private_text_appears_nowhere_else(forum, as_role, role):
    """The sitemap, the feeds, API v2 and the public group's pages never carry
    it; site and API search only for those who see the group
    (tests/community/test_search.py)."""
    client = as_role(role)
    urls = [
        "/sitemap.xml",
        "/forum/open-buyers/",
        "/news/feed/",
        "/events/feed.ics",
        "/api/v2/pages/?fields=*&limit=50",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/resources/?fields=*",
    ]
    if role not in SEES_PRIVATE:
        urls += ["/search/?q=Confidential", "/api/v3/search/?q=Confidential"]
    for url in urls:
        body = client.get(url).content.decode()
        assert "Confidential evaluation plan" not in body
        assert "Budget figures" not in body


@pytest.mark.parametrize(
    "url",
    [
        # What django-contrib-comments and django-comments-xtd ship (posting,
        # permalink redirects, flag/like/mute, their REST API) checks nothing
        # about groups; none of it is mounted.
        "/comments/post/",
        "/comments/cr/1/1/",
        "/comments/flag/1/",
        "/comments/reply/1/",
        "/comments/api/comment/",
        "/comments/api/1/1/",
        "/comments/mute/x/",
    ],
)
def test_shipped_comment_endpoints_are_not_mounted(forum, as_role, url):
    client = as_role("member")
    assert client.get(url).status_code == 404
    assert client.post(url, {"comment": "x"}).status_code in (403, 404)


def test_a_former_member_loses_sight_of_what_they_wrote(forum, as_role):
    client = as_role("former_member")
    assert client.get(forum["private_comment"].get_absolute_url()).status_code == 404
    assert (
        client.get(f"/forum/comments/{forum['private_comment'].public_id}/edit/").status_code == 404
    )


def test_private_discussion_shows_its_thread_to_a_member(forum, as_role):
    page = as_role("member").get(forum["private_discussion"].get_absolute_url())
    body = page.content.decode()
    assert "Budget figures for phase two." in body and "Thanks, noted." in body
    assert 'class="comment level-1"' in body


def test_request_to_join_link_works_for_anyone_signed_in_and_reveals_only_the_name(forum, as_role):
    group = forum["private"]
    outsider = as_role("outsider")
    page = outsider.get(group.get_join_request_url())
    assert page.status_code == 200
    assert "Secret consortium" in page.content.decode()
    assert "Confidential evaluation plan" not in page.content.decode()
    assert as_role("banned").get(group.get_join_request_url()).status_code == 404
    assert as_role("anonymous").get(group.get_join_request_url()).status_code == 302  # to sign in
