"""Member profiles: the picture (avatar) uploaded on /members/me/, checked by
content, re-encoded to a small square without metadata, stored under a random
key, removable, and shown wherever the member's name is."""

import io
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.demo_media import pdf
from community.models import Profile
from tests.cms.factories import UserFactory
from tests.community.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "display_name": "Ana Lopes",
    "organisation": "City of Porto",
    "public": "on",
    "share_organisation": "on",
}


def image_bytes(size=(800, 600), fmt="JPEG", mode="RGB", color="teal", exif=True):
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    extra = {}
    if exif:
        tags = Image.Exif()
        tags[0x010F] = "SpyCam"  # Make
        tags[0x8825] = {2: (41.0, 9.0, 0.0)}  # GPS latitude
        extra["exif"] = tags
    image.save(buffer, format=fmt, **extra)
    return buffer.getvalue()


def save_profile(client, name=None, content=None, **fields):
    data = dict(PROFILE, **fields)
    if content is not None:
        data["avatar"] = SimpleUploadedFile(name, content)
    return client.post("/members/me/", data)


@pytest.fixture
def member(client, db):
    user = UserFactory(username="ana")
    client.force_login(user)
    return user


def stored_image(profile):
    with profile.avatar.open("rb") as stored:
        return Image.open(io.BytesIO(stored.read()))


def test_an_avatar_is_a_small_square_without_metadata_under_a_random_key(client, member, settings):
    response = save_profile(client, "Me at the beach.JPG", image_bytes((800, 600)))
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert re.fullmatch(r"avatars/[0-9a-f]{32}\.jpg", profile.avatar.name)
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert profile.avatar.storage.exists(profile.avatar.name)
    image = stored_image(profile)
    assert image.format == "JPEG" and image.size == (256, 256)
    assert not image.getexif()


def test_transparent_and_palette_images_are_accepted(client, member):
    assert save_profile(client, "logo.png", image_bytes(fmt="PNG", mode="RGBA", color=(0, 0, 0, 0), exif=False)).status_code == 302  # fmt: skip
    assert stored_image(Profile.objects.get(user=member)).mode == "RGB"
    gif = image_bytes((40, 90), fmt="GIF", mode="P", color=3, exif=False)
    assert save_profile(client, "tiny.gif", gif).status_code == 302
    assert stored_image(Profile.objects.get(user=member)).size == (256, 256)


def test_the_profile_page_and_the_member_list_show_the_avatar(client, member, forum):
    save_profile(client, "me.jpg", image_bytes())
    profile = Profile.objects.get(user=member)
    page = client.get("/members/ana/").content.decode()
    assert profile.avatar.name in page and "Ana Lopes" in page
    MembershipFactory(group=forum["public"], user=member)
    MembershipFactory(group=forum["public"], user=forum["owner"])
    client.logout()
    members = client.get("/forum/open-buyers/members/").content.decode()
    assert profile.avatar.name in members
    # Without a picture, initials stand in.
    assert '<span class="avatar" aria-hidden="true">O</span>' in members  # "owner"


def test_a_private_profile_page_is_not_found_by_others_avatar_or_not(client, member):
    save_profile(client, "me.jpg", image_bytes(), public="")
    profile = Profile.objects.get(user=member)
    assert not profile.public and profile.avatar
    assert profile.avatar.name in client.get("/members/ana/").content.decode()  # its owner
    client.force_login(UserFactory())
    assert client.get("/members/ana/").status_code == 404
    client.logout()
    assert client.get("/members/ana/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", pdf("CV", ["Experience"]), "Choose an image"),
        ("photo.jpg", pdf("CV", ["Experience"]), "its content is pdf"),
        ("photo.jpg", image_bytes(fmt="PNG", exif=False), "its content is png"),
        ("photo.jpg", b"<svg onload=alert(1)></svg>", "cannot be shared here"),
        ("photo.jpg", image_bytes()[:400], "cannot be read"),  # truncated
        ("empty.jpg", b"", "The submitted file is empty"),
    ],
)
def test_what_is_not_a_readable_image_is_refused_with_a_field_error(
    client, member, name, content, message
):
    response = save_profile(client, name, content, display_name="Changed")
    assert response.status_code == 400
    assert message in response.context["form"].errors["avatar"][0]
    assert message in response.content.decode()
    profile = Profile.objects.get(user=member)
    assert not profile.avatar and profile.display_name == ""


def test_an_avatar_over_the_limit_is_refused(client, member, settings):
    assert settings.FORUM_MAX_AVATAR_MB == 2
    noise = Image.frombytes("RGB", (1024, 1024), os.urandom(1024 * 1024 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 2 * 2**20
    response = save_profile(client, "noise.png", buffer.getvalue())
    assert response.status_code == 400
    assert "the limit is 2.0 MB" in response.context["form"].errors["avatar"][0]
    assert not Profile.objects.get(user=member).avatar


def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(client, member):
    bomb = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(bomb, format="PNG")  # a few kB, 50 megapixels
    response = save_profile(client, "wide.png", bomb.getvalue())
    assert response.status_code == 400
    assert "make it smaller first" in response.context["form"].errors["avatar"][0]


def test_a_picture_of_6300_by_6300_pixels_is_refused(client, member):
    """40 million pixels in a 131 KB file took 8 s and 330 MB to decode: past
    FORUM_MAX_IMAGE_MEGAPIXELS (25) a picture is refused from its header."""
    bomb = io.BytesIO()
    Image.new("1", (6300, 6300)).save(bomb, format="PNG")
    response = save_profile(client, "square.png", bomb.getvalue())
    assert response.status_code == 400
    assert response.context["form"].errors["avatar"] == [
        "This image is 6300 by 6300 pixels, more than the 25 million we take; "
        "make it smaller first."
    ]
    assert not Profile.objects.get(user=member).avatar


def test_a_large_photo_is_decoded_at_a_fraction_of_its_size(client, member, monkeypatch):
    """A camera's 24-megapixel JPEG becomes a 256-pixel avatar without ever
    being whole in memory: decoded at an eighth of its size."""
    from PIL import ImageFile

    decoded = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or real_load(image)
    )
    response = save_profile(client, "camera.jpg", image_bytes((6000, 4000)))
    assert response.status_code == 302
    assert set(decoded) == {(750, 500)}  # every read of its pixels
    assert stored_image(Profile.objects.get(user=member)).size == (256, 256)


def test_replacing_or_removing_the_avatar_deletes_the_old_file(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        save_profile(client, "one.jpg", image_bytes(color="red"))
    first = Profile.objects.get(user=member).avatar
    form = client.get("/members/me/").content.decode()
    assert "remove_avatar" in form and first.name in form

    with django_capture_on_commit_callbacks(execute=True):
        save_profile(client, "two.jpg", image_bytes(color="blue"))
    second = Profile.objects.get(user=member).avatar
    assert second.name != first.name and second.storage.exists(second.name)
    assert not first.storage.exists(first.name)

    # Saving without a file keeps the picture.
    with django_capture_on_commit_callbacks(execute=True):
        assert save_profile(client, organisation="Porto").status_code == 302
    assert Profile.objects.get(user=member).avatar.name == second.name

    with django_capture_on_commit_callbacks(execute=True):
        assert save_profile(client, remove_avatar="on").status_code == 302
    profile = Profile.objects.get(user=member)
    assert not profile.avatar and not second.storage.exists(second.name)
    assert "remove_avatar" not in client.get("/members/me/").content.decode()
    assert '<span class="avatar avatar-large" aria-hidden="true">AL</span>' in (
        client.get("/members/ana/").content.decode()
    )


def test_a_new_upload_wins_over_the_remove_checkbox(client, member):
    save_profile(client, "one.jpg", image_bytes())
    save_profile(client, "two.jpg", image_bytes(color="navy"), remove_avatar="on")
    assert Profile.objects.get(user=member).avatar


def test_a_deleted_account_takes_its_avatar_with_it(
    client, member, django_capture_on_commit_callbacks
):
    save_profile(client, "me.jpg", image_bytes())
    avatar = Profile.objects.get(user=member).avatar
    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not avatar.storage.exists(avatar.name)


def test_initials_come_from_the_first_two_words_of_the_name(member):
    profile = member.profile
    assert profile.initials == "A"  # the username, "ana"
    profile.display_name = "maria del carmen"
    assert profile.initials == "MD"
