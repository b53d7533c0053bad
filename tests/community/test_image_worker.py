"""The real worker process (`manage.py db_worker`, as in production) re-encodes
an image a member posted: the request only stored it, privately, as
"processing"; the worker strips its metadata and makes its rendition.

The worker is another process on the test database and the same file store
(S3 under `make test`), so this test commits what it does."""

import io
import os

import pytest
from PIL import Image

from community.models import Attachment
from tests.community.test_attachments import jpeg_with_exif, upload
from tests.processes import clean_env, start_worker, stop, suite_database_url, wait_for_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def worker(queued_tasks, tmp_path, settings):
    url = suite_database_url()
    if url is None:
        pytest.skip("the worker process needs the test database on a server: run `make test`")
    # The file store the site uses: S3's settings, or the same media folder.
    store = {key: value for key, value in os.environ.items() if key.startswith("AWS_")}
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **store,
    )
    log_path = tmp_path / "worker.log"
    process = start_worker(env, log_path)
    yield process, log_path
    stop(process)


def test_the_worker_reencodes_an_uploaded_image_without_its_exif(forum, as_role, worker):
    member = as_role("member")
    assert (
        upload(member, forum["private_discussion"], "visit.jpg", jpeg_with_exif()).status_code
        == 302
    )
    attachment = Attachment.objects.get()
    uploaded = attachment.file.name

    # The task's end, not the attachment's status: the upload is deleted
    # just after the status says "ready".
    wait_for_worker(worker)
    attachment.refresh_from_db()

    assert attachment.status == "ready", attachment.problem
    assert not attachment.file.storage.exists(uploaded)
    served = member.get(attachment.get_absolute_url())
    assert served.status_code == 200
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert image.size == (1600, 1200) and not image.getexif()
    rendition = member.get(attachment.get_rendition_url())
    assert max(Image.open(io.BytesIO(b"".join(rendition.streaming_content))).size) == 960
