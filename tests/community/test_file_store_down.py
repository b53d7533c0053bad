"""Stopping the real S3-compatible server: posting a file or a new picture
fails with a clear message and leaves nothing behind; the rest of the site keeps serving; once
the server is back, posting files works again without a restart."""

import subprocess

import pytest

from cms.demo_media import pdf
from community.models import Attachment, ForumComment, Profile
from tests.community.test_attachments import post_url, upload
from tests.community.test_profiles import image_bytes, save_profile
from tests.processes import ROOT

pytestmark = pytest.mark.django_db


def services(command):
    subprocess.run(
        ["scripts/services.sh", command], cwd=ROOT, check=True, capture_output=True, timeout=180
    )


def test_posting_a_file_while_the_file_store_is_down(client, forum, as_role):
    discussion = forum["private_discussion"]
    member = as_role("member")
    comments_before = ForumComment.objects.count()
    services("stop-s3")
    try:
        # On the page: the form again, with the reason, and nothing posted.
        response = upload(member, discussion, "grid.pdf", pdf("Grid", ["Weights."]))
        assert response.status_code == 503
        assert "file store is not answering" in response.content.decode()
        assert ForumComment.objects.count() == comments_before
        assert not Attachment.objects.exists()
        # The rest keeps serving: the discussion itself, the group, the forum.
        for url in (discussion.get_absolute_url(), forum["private"].get_absolute_url(), "/forum/"):
            assert member.get(url).status_code == 200, url
        # A comment without a file still goes through.
        response = member.post(post_url(discussion), {"comment": "Files later."})
        assert response.status_code == 302
        # The API says the same, as a problem document.
        api = member.post(
            f"/api/v3/forum/comments/{ForumComment.objects.latest('pk').public_id}/attachments/",
            {"file": pdf_upload()},
        )
        assert api.status_code == 503
        assert "file store is not answering" in api.json()["detail"]
        assert not Attachment.objects.exists()
        # A new profile picture: the form again with the reason, the profile unchanged.
        response = save_profile(member, "me.jpg", image_bytes(), display_name="Changed")
        assert response.status_code == 503
        assert "file store is not answering" in response.content.decode()
        profile = Profile.objects.filter(user=forum["users"]["member"]).first()
        assert profile is None or (not profile.avatar and profile.display_name != "Changed")
    finally:
        services("start-s3")
    # Back up: the same post works, no restart needed.
    response = upload(member, discussion, "grid.pdf", pdf("Grid", ["Weights."]))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.file.storage.exists(attachment.file.name)


def pdf_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("grid.pdf", pdf("Grid", ["Weights."]), content_type="application/pdf")
