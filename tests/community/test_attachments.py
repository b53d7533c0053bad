"""Files in the Forum: checked by content, stored on the S3-compatible server,
served only to those who may see their group."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.demo_media import pdf
from community.models import Attachment, ForumComment
from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.community.factories import forum_comment

pytestmark = pytest.mark.django_db


def post_url(discussion):
    return f"{discussion.get_absolute_url()}comment/"


def jpeg_with_exif():
    image = Image.new("RGB", (1600, 1200), "teal")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0132] = "2026:01:01 10:00:00"  # DateTime
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(client, discussion, name, content, text="See attached."):
    return client.post(
        post_url(discussion), {"comment": text, "attachment": SimpleUploadedFile(name, content)}
    )


def test_a_document_is_stored_privately_and_served_to_those_who_see_the_group(
    client, forum, as_role, settings
):
    content = pdf("Evaluation grid", ["Criteria and weights."])
    member = as_role("member")
    response = upload(member, forum["private_discussion"], "grid.pdf", content)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.group == forum["private"] and attachment.kind == "document"
    assert attachment.comment.comment == "See attached."
    # The object is in the bucket, under an unguessable key.
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert attachment.file.name.startswith(f"forum/{forum['private'].pk}/")
    assert attachment.file.storage.exists(attachment.file.name)

    url = attachment.get_absolute_url()
    page = member.get(forum["private_discussion"].get_absolute_url()).content.decode()
    assert url in page
    for role in ROLES:
        response = as_role(role).get(url)
        if role in SEES_PRIVATE:
            assert response.status_code == 200, role
            assert b"".join(response.streaming_content) == content
            assert response["Content-Type"] == "application/pdf"
            assert response["Content-Disposition"].startswith("attachment;")
            assert response["X-Content-Type-Options"] == "nosniff"
        else:
            assert response.status_code == 404, role


def test_images_lose_their_exif_and_get_a_smaller_rendition(forum, as_role):
    member = as_role("member")
    upload(member, forum["private_discussion"], "site-visit.JPG", jpeg_with_exif())
    attachment = Attachment.objects.get()
    assert attachment.kind == "image" and attachment.name == "site-visit.jpg"
    with attachment.file.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert image.size == (1600, 1200)
    assert not image.getexif()
    assert Image.open(io.BytesIO(jpeg_with_exif())).getexif()  # the original had some
    response = member.get(attachment.get_rendition_url())
    rendition = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert max(rendition.size) <= 960 and response["Content-Type"] == "image/jpeg"
    assert as_role("outsider").get(attachment.get_rendition_url()).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "its content is png"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "cannot be shared here"),
        ("tool.exe", b"MZ\x90\x00" + b"\x00" * 100, "cannot be shared here"),
        ("data.csv", b"\x00\x01\x02binary", "cannot be shared here"),
    ],
)
def test_uploads_that_lie_about_their_type_are_refused_and_nothing_is_saved(
    forum, as_role, name, content, message
):
    comments = ForumComment.objects.count()
    response = upload(as_role("member"), forum["private_discussion"], name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ForumComment.objects.count() == comments
    assert not Attachment.objects.exists()


def test_oversized_uploads_are_refused(forum, as_role, settings):
    settings.FORUM_UPLOAD_LIMITS = {"document": 1000, "image": 1000, "video": 1000}
    response = upload(
        as_role("member"), forum["private_discussion"], "big.pdf", b"%PDF-1.4\n" + bytes(5000)
    )
    assert response.status_code == 400 and "the limit is" in response.content.decode()
    assert not Attachment.objects.exists()


def test_file_names_cannot_reach_outside_their_folder(forum, as_role):
    upload(
        as_role("member"),
        forum["private_discussion"],
        "../../etc/<evil> name;.pdf",
        pdf("Plan", ["Text"]),
    )
    attachment = Attachment.objects.get()
    assert attachment.name == "evil_name.pdf"
    assert ".." not in attachment.file.name and "<" not in attachment.file.name


def test_a_csv_file_is_accepted_as_a_document(forum, as_role):
    response = upload(
        as_role("member"), forum["private_discussion"], "prices.csv", b"item;price\nbus;420000\n"
    )
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == "text/csv"


def test_a_discussion_can_start_with_a_file(forum, as_role):
    member = as_role("member")
    response = member.post(
        "/forum/secret-consortium/new/",
        {
            "title": "Tender documents",
            "body": "Draft attached.",
            "attachment": SimpleUploadedFile("draft.pdf", pdf("Draft", ["Lot 1"])),
        },
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.discussion.title == "Tender documents" and attachment.comment is None


def test_a_removed_comment_takes_its_file_with_it(forum, as_role):
    member = as_role("member")
    upload(member, forum["private_discussion"], "grid.pdf", pdf("Grid", ["Weights."]))
    attachment = Attachment.objects.get()
    url = attachment.get_absolute_url()
    assert member.get(url).status_code == 200
    member.post(f"/forum/comments/{attachment.comment.public_id}/remove/")
    for role in SEES_PRIVATE:
        assert as_role(role).get(url).status_code == 404, role


def test_a_post_that_fails_after_its_file_was_stored_leaves_no_file(forum, as_role, monkeypatch):
    from community import notifications

    stored = []
    real_save = Attachment.save

    def remember(self, *args, **kwargs):
        stored.append(self.file.name)
        return real_save(self, *args, **kwargs)

    def broken(*args, **kwargs):
        raise RuntimeError("the step after the file failed")

    monkeypatch.setattr(Attachment, "save", remember)
    monkeypatch.setattr(notifications, "comment_posted", broken)
    member = as_role("member")
    with pytest.raises(RuntimeError):
        upload(member, forum["private_discussion"], "grid.pdf", pdf("Grid", ["Weights."]))
    assert stored and not Attachment.objects.exists()
    assert not ForumComment.objects.filter(comment="See attached.").exists()
    from django.core.files.storage import default_storage

    assert not default_storage.exists(stored[0])


# Limits on what one member can make the site store (issue 13, item 4).


def png_of(size, mode="1"):
    """A PNG that claims `size` pixels in a few kilobytes (one colour)."""
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_comment_carries_at_most_FORUM_ATTACHMENTS_PER_POST_files(forum, settings):
    from tests.community.test_api_writes import API, problem, token_client

    settings.FORUM_ATTACHMENTS_PER_POST = 2
    member = forum["users"]["member"]
    comment = forum_comment(forum["private_discussion"], member, "Photos")
    client = token_client(member)
    url = f"{API}/comments/{comment.public_id}/attachments/"
    for n in range(2):
        sent = client.post(url, {"file": SimpleUploadedFile(f"{n}.pdf", pdf("Page", [str(n)]))})
        assert sent.status_code == 201, sent.content
    refused = client.post(url, {"file": SimpleUploadedFile("3.pdf", pdf("Page", ["3"]))})
    assert refused.status_code == 409
    assert problem(refused) == "A post carries at most 2 files."
    assert comment.attachments.count() == 2


def test_a_member_shares_at_most_FORUM_ATTACHMENTS_PER_HOUR_files_on_pages_and_the_api(
    forum, as_role, settings
):
    from tests.community.test_api_writes import API, problem, token_client

    settings.FORUM_ATTACHMENTS_PER_HOUR = 2
    discussion = forum["private_discussion"]
    member = as_role("member")
    for n in range(2):
        response = upload(member, discussion, f"grid-{n}.pdf", pdf("Grid", [str(n)]))
        assert response.status_code == 302
    comments = ForumComment.objects.count()

    response = upload(member, discussion, "grid-3.pdf", pdf("Grid", ["3"]), text="Third grid.")
    assert response.status_code == 429
    errors = response.context["form"].errors["attachment"]
    assert errors == [
        "You have shared 2 files in the last hour, as many as one member may. "
        "Wait a while, then send it again."
    ]
    assert "Third grid." in response.content.decode()  # what was typed stays
    assert ForumComment.objects.count() == comments and Attachment.objects.count() == 2

    # The API counts against the same limit.
    own = forum_comment(discussion, forum["users"]["member"], "One more")
    refused = token_client(forum["users"]["member"]).post(
        f"{API}/comments/{own.public_id}/attachments/",
        {"file": SimpleUploadedFile("more.pdf", pdf("More", ["4"]))},
    )
    assert refused.status_code == 429 and "2 files in the last hour" in problem(refused)
    assert Attachment.objects.count() == 2
    # A comment without a file still goes through: the limit is on files.
    assert member.post(post_url(discussion), {"comment": "No file."}).status_code == 302


def test_an_image_of_too_many_pixels_is_refused_from_its_header_without_being_decoded(
    forum, as_role, monkeypatch
):
    from PIL import ImageFile

    decoded = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or real_load(image)
    )
    bomb = png_of((6300, 6300))  # 39.7 million pixels in a few kilobytes
    assert len(bomb) < 150_000
    response = upload(as_role("member"), forum["private_discussion"], "plan.png", bomb)
    assert response.status_code == 400
    assert response.context["form"].errors["attachment"] == [
        "This image is 6300 by 6300 pixels, more than the 25 million we take; "
        "make it smaller first."
    ]
    assert decoded == []
    assert not Attachment.objects.exists()


def test_an_image_is_served_only_once_the_worker_has_reencoded_it(
    forum, as_role, queued_tasks, monkeypatch
):
    from PIL import ImageFile

    from tests.community.test_api_writes import API

    # Nothing in the request may decode the picture: that is the worker's job.
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: pytest.fail("decoded"))
    member = as_role("member")
    discussion = forum["private_discussion"]
    assert upload(member, discussion, "site-visit.jpg", jpeg_with_exif()).status_code == 302
    monkeypatch.undo()
    attachment = Attachment.objects.get()
    uploaded = attachment.file.name
    # Not served before it is re-encoded: the upload still carries its EXIF.
    assert member.get(attachment.get_absolute_url()).status_code == 404
    assert member.get(attachment.get_rendition_url()).status_code == 404
    assert attachment.status == "processing"
    page = member.get(discussion.get_absolute_url()).content.decode()
    assert "Preparing the image" in page and attachment.get_rendition_url() not in page
    api_url = f"{API}/groups/secret-consortium/discussions/{discussion.public_id}/comments/"
    listed = member.get(api_url).json()["items"]
    files = [file for comment in listed for file in comment["attachments"]]
    assert [(file["status"], file["url"]) for file in files] == [("processing", None)]

    from community.tasks import process_image

    process_image.call(attachment.pk)  # what the worker runs for it

    attachment.refresh_from_db()
    assert attachment.status == "ready" and attachment.file.name != uploaded
    assert not attachment.file.storage.exists(uploaded)  # the original, EXIF and all, is gone
    served = member.get(attachment.get_absolute_url())
    assert served.status_code == 200
    assert not Image.open(io.BytesIO(b"".join(served.streaming_content))).getexif()
    assert (
        attachment.get_rendition_url() in member.get(discussion.get_absolute_url()).content.decode()
    )
    listed = member.get(api_url).json()["items"]
    files = [file for comment in listed for file in comment["attachments"]]
    assert files[0]["status"] == "ready" and "key=" in files[0]["url"]


def test_an_image_the_worker_cannot_decode_is_marked_failed_and_never_served(forum, as_role):
    whole = jpeg_with_exif()
    broken = whole[: len(whole) // 3]  # a readable header, then the data stops
    member = as_role("member")
    discussion = forum["private_discussion"]
    assert upload(member, discussion, "cut.jpg", broken).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.status == "failed"
    assert attachment.problem == "This image cannot be read."
    assert not attachment.file.storage.exists(attachment.file.name)
    assert member.get(attachment.get_absolute_url()).status_code == 404
    page = member.get(discussion.get_absolute_url()).content.decode()
    assert "Could not be shared: This image cannot be read." in page
