"""Media on a real S3-compatible server (S3Proxy, started by `make test`)."""

import io
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.config import Config
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from tests.cms.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def require_s3():
    options = settings.STORAGES["default"].get("OPTIONS", {})
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage", (
        "These tests need the S3 server: run them through `make test`, which starts S3Proxy "
        "and exports AWS_STORAGE_BUCKET_NAME and friends."
    )
    return options


@pytest.fixture
def bucket(require_s3):
    client = boto3.client(
        "s3",
        endpoint_url=require_s3["endpoint_url"],
        aws_access_key_id=require_s3["access_key"],
        aws_secret_access_key=require_s3["secret_key"],
        region_name=require_s3["region_name"],
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    return client, require_s3["bucket_name"]


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_admin_upload_stores_the_image_in_the_bucket_and_serves_a_rendition(admin_client, bucket):
    client, bucket_name = bucket
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Harbour",
            "description": "A harbour",
            "file": SimpleUploadedFile(
                "harbour.png",
                get_test_image_file(size=(800, 600)).file.getvalue(),
                content_type="image/png",
            ),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="Harbour")
    assert (image.width, image.height) == (800, 600)
    client.head_object(Bucket=bucket_name, Key=image.file.name)

    rendition = image.get_rendition("fill-120x80")
    client.head_object(Bucket=bucket_name, Key=rendition.file.name)
    status, body = fetch(rendition.url)
    assert status == 200
    assert PILImage.open(io.BytesIO(body)).size == (120, 80)


def test_bucket_objects_are_private_and_urls_are_signed(bucket):
    image = ImageFactory(title="Signed")
    url = image.file.url
    assert "X-Amz-Signature=" in url
    unsigned = url.split("?")[0]
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(unsigned)
    assert error.value.code == 403
    status, _ = fetch(url)
    assert status == 200


def test_documents_are_served_through_the_permission_checking_view(client, bucket):
    client_s3, bucket_name = bucket
    document = Document(title="Guide")
    document.file.save("guide.pdf", ContentFile(b"%PDF-1.4 test document"), save=False)
    document.save()
    client_s3.head_object(Bucket=bucket_name, Key=document.file.name)

    response = client.get(document.url)
    # Streamed by Django, not a redirect to the bucket.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test document"
    assert document.url.startswith("/documents/")


def test_documents_in_a_restricted_collection_are_not_served_to_anonymous_visitors(client, bucket):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Internal note", collection=private)
    document.file.save("note.pdf", ContentFile(b"%PDF-1.4 secret"), save=False)
    document.save()

    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "/accounts/login/" in response["Location"]
    assert default_storage.exists(document.file.name)


def test_uploaded_documents_are_never_rendered_by_the_browser_as_pages(client, bucket):
    from django.core.exceptions import ValidationError

    # A text file carrying markup downloads as a file; it is not shown inline,
    # and the browser may not guess it is HTML.
    document = Document(title="Notes")
    document.file.save("notes.txt", ContentFile(b"<script>alert(1)</script>"), save=False)
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "html" not in response["Content-Type"]
    # Web pages, scripts and SVG drawings are not accepted as documents at all.
    for name in ("page.html", "drawing.svg", "tool.js"):
        upload = Document(title=name, file=ContentFile(b"<html></html>", name=name))
        with pytest.raises(ValidationError):
            upload.full_clean()
