"""Editing a group outside the admin: owners and site moderators only; the
visibility promise holds the moment a group turns private; the image is
checked, re-encoded and shown only to those who see the group."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.demo_media import pdf
from community.models import ForumGroup
from tests.cms.factories import UserFactory
from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.community.factories import MembershipFactory

pytestmark = pytest.mark.django_db

EDIT = "/forum/secret-consortium/edit/"


def details(group, **changes):
    data = {
        "name": group.name,
        "slug": group.slug,
        "description": group.description,
        "visibility": group.visibility,
    }
    return {**data, **changes}


def png(size=(1600, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_owner_edits_the_name_address_and_description(client, forum):
    client.force_login(forum["owner"])
    assert client.get(EDIT).status_code == 200
    response = client.post(
        EDIT,
        details(
            forum["private"],
            name="Consortium for smart lighting",
            slug="smart-lighting",
            description="Joint PCP for street lighting.",
        ),
    )
    group = ForumGroup.objects.get(pk=forum["private"].pk)
    assert response.status_code == 302 and response["Location"] == "/forum/smart-lighting/"
    assert group.name == "Consortium for smart lighting"
    assert group.description == "Joint PCP for street lighting." and group.is_private
    assert client.get("/forum/smart-lighting/").status_code == 200
    assert client.get("/forum/secret-consortium/").status_code == 404


def test_a_site_moderator_edits_any_group(client, forum, as_role):
    response = as_role("site_moderator").post(
        EDIT, details(forum["private"], description="Checked by the moderators.")
    )
    assert response.status_code == 302
    assert ForumGroup.objects.get(pk=forum["private"].pk).description == (
        "Checked by the moderators."
    )


@pytest.mark.parametrize(
    "role", ["group_moderator", "member", "outsider", "banned", "former_member"]
)
def test_nobody_else_edits_the_group(forum, as_role, role):
    """Members who see the group are told they may not (403, as for every
    refused action); to everyone else the group does not exist."""
    client = as_role(role)
    status = 403 if role in SEES_PRIVATE else 404
    page = client.get(EDIT)
    assert page.status_code == status
    if status == 403:
        assert "Only the group&#x27;s owners change" in page.content.decode()
    assert client.post(EDIT, details(forum["private"], visibility="public")).status_code == status
    assert ForumGroup.objects.get(pk=forum["private"].pk).is_private


def test_anonymous_visitors_are_asked_to_sign_in(client, forum):
    response = client.get("/forum/open-buyers/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_edit_link_shows_to_those_who_may_edit(forum, as_role):
    for role, shown in [("site_moderator", True), ("group_moderator", False), ("member", False)]:
        page = as_role(role).get("/forum/secret-consortium/").content.decode()
        assert (EDIT in page) == shown, role
    page = as_role("anonymous").get("/forum/open-buyers/").content.decode()
    assert "/edit/" not in page


def test_making_a_group_private_hides_it_at_once(client, forum, as_role):
    group = forum["public"]
    owner = UserFactory(username="public-owner")
    MembershipFactory(group=group, user=owner, role="owner")
    member = UserFactory(username="public-member")
    MembershipFactory(group=group, user=member)
    urls = [
        group.get_absolute_url(),
        forum["public_discussion"].get_absolute_url(),
        forum["public_comment"].get_absolute_url(),
        f"{group.get_absolute_url()}members/",
        f"{group.get_absolute_url()}activity/",
    ]
    for url in urls:
        assert as_role("outsider").get(url).status_code in (200, 302), url

    client.force_login(owner)
    assert client.post("/forum/open-buyers/edit/", details(group, visibility="private")).status_code == 302  # fmt: skip

    for role in ("anonymous", "outsider"):
        for url in urls:
            assert as_role(role).get(url).status_code == 404, (role, url)
        assert "Open buyers" not in as_role(role).get("/forum/").content.decode()
    client.force_login(member)
    for url in urls:
        assert client.get(url).status_code in (200, 302), url
    client.force_login(UserFactory())
    assert client.post("/forum/open-buyers/join/").status_code == 404  # not joined directly now


def test_making_a_group_public_opens_it(client, forum, as_role):
    client.force_login(forum["owner"])
    client.post(EDIT, details(forum["private"], visibility="public"))
    outsider = as_role("outsider")
    assert outsider.get(EDIT.replace("edit/", "")).status_code == 200
    assert outsider.get(forum["private_discussion"].get_absolute_url()).status_code == 200
    outsider.post("/forum/secret-consortium/join/")
    assert forum["private"].memberships.filter(user=forum["users"]["outsider"]).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Open buyers", "visibility": "public"}, "name"),  # a public group's name
        ({"slug": "open-buyers"}, "slug"),
        ({"slug": "new"}, "slug"),
        ({"slug": "not a slug!"}, "slug"),
        ({"visibility": "hidden"}, "visibility"),
        ({"description": "x" * 2001}, "description"),
    ],
)
def test_bad_details_show_field_errors_and_change_nothing(client, forum, changes, field):
    client.force_login(forum["owner"])
    before = ForumGroup.objects.get(pk=forum["private"].pk)
    response = client.post(EDIT, details(forum["private"], **changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    # The page still links to the group where it is.
    assert 'href="/forum/secret-consortium/"' in response.content.decode()
    after = ForumGroup.objects.get(pk=forum["private"].pk)
    assert (after.name, after.slug, after.visibility) == (
        before.name,
        before.slug,
        before.visibility,
    )


def test_a_valid_address_with_another_error_keeps_the_page_links_right(client, forum):
    client.force_login(forum["owner"])
    response = client.post(EDIT, details(forum["private"], slug="moved", name=""))
    assert response.status_code == 400
    assert 'href="/forum/secret-consortium/"' in response.content.decode()


def test_the_group_image_is_reencoded_and_seen_only_by_who_sees_the_group(
    client, forum, as_role, django_capture_on_commit_callbacks
):
    client.force_login(forum["owner"])
    data = details(forum["private"], image=SimpleUploadedFile("team.png", png()))
    assert client.post(EDIT, data).status_code == 302
    group = ForumGroup.objects.get(pk=forum["private"].pk)
    assert re.fullmatch(r"forum-groups/[0-9a-f]{32}\.jpg", group.image.name)
    url = group.get_image_url()
    assert url.startswith("/forum/secret-consortium/image/?v=")
    page = client.get(group.get_absolute_url()).content.decode()
    assert url in page and group.image.name not in page  # the storage key stays private

    for role in ROLES:
        response = as_role(role).get(url)
        if role in SEES_PRIVATE:
            assert response.status_code == 200, role
            image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
            assert image.format == "JPEG" and max(image.size) == 960
            assert response["Content-Type"] == "image/jpeg"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert response["Cache-Control"] == "private, max-age=600"
        else:
            assert response.status_code == 404, role

    # Replacing it deletes the old file, and the address changes with it.
    client.force_login(forum["owner"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT, details(group, image=SimpleUploadedFile("new.png", png((300, 300)))))
    replaced = ForumGroup.objects.get(pk=group.pk)
    assert replaced.get_image_url() != url
    assert not group.image.storage.exists(group.image.name)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT, details(group, remove_image="on"))
    assert not ForumGroup.objects.get(pk=group.pk).image
    assert not replaced.image.storage.exists(replaced.image.name)
    assert client.get(url).status_code == 404


def test_a_group_image_must_be_an_image(client, forum):
    client.force_login(forum["owner"])
    data = details(forum["private"], image=SimpleUploadedFile("plan.pdf", pdf("Plan", ["x"])))
    response = client.post(EDIT, data)
    assert response.status_code == 400
    assert "Choose an image" in response.context["form"].errors["image"][0]
    assert not ForumGroup.objects.get(pk=forum["private"].pk).image


def test_a_new_group_can_have_an_image(client, forum):
    client.force_login(forum["users"]["outsider"])
    response = client.post(
        "/forum/new/",
        {
            "name": "Green buyers",
            "slug": "",
            "description": "",
            "visibility": "public",
            "image": SimpleUploadedFile("green.png", png((200, 100))),
        },
    )
    assert response.status_code == 302
    group = ForumGroup.objects.get(slug="green-buyers")
    assert group.image and client.get(group.get_image_url()).status_code == 200


def test_the_admin_form_leaves_the_image_to_the_checked_page(forum, as_role):
    page = as_role("site_moderator").get(f"/admin/community/forumgroup/edit/{forum['private'].pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="description"' in body and 'name="image"' not in body
