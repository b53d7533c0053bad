"""The Forum's ids, wherever an outsider sees them (addresses, anchors, the
API), do not count: seeing two of them says nothing about what was created in
between and is hidden. They decode back to the object, stay exact in
JavaScript, and follow their own key, not Django's SECRET_KEY."""

import itertools
import re

import pytest

from cms.ids import MAX_PUBLIC_ID
from community.models import Attachment, Discussion, ForumComment, ForumGroup, JoinRequest
from tests.community.factories import DiscussionFactory, ForumGroupFactory, forum_comment

pytestmark = pytest.mark.django_db

KINDS = [ForumGroup, Discussion, ForumComment, Attachment, JoinRequest]


def looks_counted(ids):
    """Ordered either way, or evenly spaced: what consecutive ids would show."""
    steps = {b - a for a, b in itertools.pairwise(ids)}
    return ids == sorted(ids) or ids == sorted(ids, reverse=True) or len(steps) == 1


@pytest.mark.parametrize("model", KINDS)
def test_public_ids_decode_back_and_are_exact_in_javascript(model):
    samples = [1, 2, 3, 1000, 2**31 - 1, 2**40, MAX_PUBLIC_ID]
    samples += range(1, MAX_PUBLIC_ID, MAX_PUBLIC_ID // 200)  # across the whole space
    for pk in samples:
        public = model.public_ids.public(pk)
        assert 0 <= public < 2**53
        assert model.public_ids.pk(public) == pk
        assert model.public_ids.pk(str(public)) == pk


def test_kinds_have_unrelated_public_ids():
    assert len({model.public_ids.public(7) for model in KINDS}) == len(KINDS)


def test_consecutive_comments_discussions_and_groups_do_not_count(forum):
    owner, group = forum["owner"], forum["private"]
    discussion = forum["private_discussion"]
    comments = [forum_comment(discussion, owner, f"Note {n}") for n in range(12)]
    discussions = [DiscussionFactory(group=group, author=owner) for _ in range(12)]
    groups = [ForumGroupFactory(name=f"Buyers {n}", slug=f"b{n}") for n in range(12)]
    for objects in (comments, discussions, groups):
        pks = [obj.pk for obj in objects]
        assert pks == list(range(pks[0], pks[0] + len(pks)))  # the database counts...
        public = [obj.public_id for obj in objects]
        assert not looks_counted(public), public  # ...what outsiders see does not
        assert len(set(public)) == len(public)


def test_the_api_gives_public_ids_and_takes_them_back(forum, as_role):
    client = as_role("member")
    discussion, comment, reply = (
        forum["private_discussion"],
        forum["private_comment"],
        forum["private_reply"],
    )
    base = "/api/v3/forum/groups/secret-consortium"
    listed = client.get(f"{base}/discussions/").json()["items"]
    assert [item["id"] for item in listed] == [discussion.public_id]
    groups = client.get("/api/v3/forum/groups/").json()["items"]
    assert {item["id"] for item in groups} == {
        forum["public"].public_id,
        forum["private"].public_id,
    }
    thread = client.get(f"{base}/discussions/{discussion.public_id}/comments/").json()["items"]
    assert [(item["id"], item["parent_id"]) for item in thread] == [
        (comment.public_id, None),
        (reply.public_id, comment.public_id),
    ]
    assert thread[1]["url"] == f"http://testserver/forum/comments/{reply.public_id}/"
    detail = client.get(f"{base}/discussions/{discussion.public_id}/").json()
    assert detail["id"] == discussion.public_id
    assert detail["url"] == f"http://testserver/forum/secret-consortium/{discussion.public_id}/"


def test_a_permalink_leads_to_the_public_anchor(forum, as_role):
    client = as_role("member")
    comment, discussion = forum["private_reply"], forum["private_discussion"]
    assert comment.get_absolute_url() == f"/forum/comments/{comment.public_id}/"
    response = client.get(comment.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == (
        f"/forum/secret-consortium/{discussion.public_id}/#c{comment.public_id}"
    )
    page = client.get(response["Location"]).content.decode()
    assert f'id="c{comment.public_id}"' in page
    assert f'/reply/{comment.public_id}/"' in page
    anchors = re.findall(r'id="c(\d+)"', page)
    assert str(comment.pk) not in anchors and str(forum["private_comment"].pk) not in anchors


def test_a_hidden_comments_id_answers_like_an_id_that_names_nothing(forum, as_role):
    """An outsider who learns a private comment's public id (or guesses one)
    gets the answer a random number gets, on the page and in the API."""
    outsider = as_role("outsider")
    hidden = forum["private_comment"].public_id
    unused = ForumComment.public_ids.public(10**9)
    for path in ("/forum/comments/{}/", "/forum/comments/{}/edit/"):
        seen, random_id = outsider.get(path.format(hidden)), outsider.get(path.format(unused))
        assert seen.status_code == random_id.status_code == 404
    for method in ("patch", "delete"):
        answers = [
            getattr(outsider, method)(
                f"/api/v3/forum/comments/{public_id}/",
                '{"text": "x"}',
                content_type="application/json",
            )
            for public_id in (hidden, unused)
        ]
        assert answers[0].status_code == answers[1].status_code == 404
        assert answers[0].json() == answers[1].json()


def test_a_files_address_carries_its_public_id(forum, as_role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.demo_media import pdf
    from community.attachments import attach
    from community.uploads import check_upload

    upload = check_upload(SimpleUploadedFile("plan.pdf", pdf("Plan", ["Lots and budgets."])))
    attachment = attach(upload, forum["private"], forum["owner"], comment=forum["private_reply"])
    assert attachment.get_absolute_url() == f"/forum/attachments/{attachment.public_id}/plan.pdf"
    assert as_role("member").get(attachment.get_absolute_url()).status_code == 200
    assert as_role("outsider").get(attachment.get_absolute_url()).status_code == 404
    signed = attachment.get_signed_url(forum["users"]["member"])
    assert f"key={attachment.pk}%3A" not in signed  # the key names the file by its public id
    assert as_role("anonymous").get(signed).status_code == 200


def test_public_ids_follow_their_own_key_not_secret_key(settings):
    before = ForumComment.public_ids.public(42)
    settings.SECRET_KEY = "rotated-" + "x" * 50
    assert ForumComment.public_ids.public(42) == before  # permalinks survive a rotation
    settings.PUBLIC_ID_SECRET = "another-public-id-key"
    assert ForumComment.public_ids.public(42) != before


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", " ", str(MAX_PUBLIC_ID + 1), "9" * 40])
def test_what_is_not_a_public_id_decodes_to_nothing(value):
    assert ForumComment.public_ids.pk(value) is None


def test_requests_to_join_are_named_by_public_ids(forum, as_role):
    join_request = JoinRequest.objects.create(
        group=forum["private"], user=forum["users"]["outsider"]
    )
    owner = as_role("anonymous")
    owner.force_login(forum["owner"])
    page = owner.get("/forum/secret-consortium/requests/").content.decode()
    assert f'name="request" value="{join_request.public_id}"' in page
    listed = owner.get("/api/v3/forum/groups/secret-consortium/join-requests/").json()["items"]
    assert [item["id"] for item in listed] == [join_request.public_id]
    owner.post(
        "/forum/secret-consortium/requests/",
        {"request": join_request.public_id, "decision": "approve"},
    )
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
