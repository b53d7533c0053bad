"""What a front end renders from API v3: typed bodies, images in the sizes it
asks for, documents and links it can follow from another origin."""

import urllib.request

import pytest

from tests.cms.factories import DocumentFactory, ImageFactory
from tests.home.factories import EventPageFactory, NewsPageFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

SPECS = ["fill-480x270", "width-960"]


@pytest.fixture
def rich_news(news_index):
    image, document = ImageFactory(title="Hospital buyers"), DocumentFactory()
    linked = NewsPageFactory(parent=news_index, title="Earlier news")
    body = [
        {
            "type": "paragraph",
            "value": f'<p>See <a linktype="page" id="{linked.id}">earlier news</a> and '
            f'<a linktype="document" id="{document.id}">the checklist</a>.</p>',
        },
        {
            "type": "image",
            "value": {
                "image": {"image": image.id, "alt_text": "Buyers at work", "decorative": False},
                "caption": "In Oulu",
            },
        },
        {"type": "document", "value": {"document": document.id, "title": "Checklist"}},
    ]
    page = NewsPageFactory(
        parent=news_index, title="Buyers launch a PCP", body=body, listing_image=image
    )
    return {"page": page, "image": image, "document": document, "linked": linked}


def news_list(client, **params):
    response = client.get("/api/v3/pages/", {"type": "home.NewsPage", **params})
    assert response.status_code == 200, response.content[:500]
    return {item["id"]: item for item in response.json()["items"]}


def opens(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status == 200


def test_a_news_list_carries_bodies_and_images_only_when_asked(client, rich_news):
    plain = news_list(client)[rich_news["page"].id]
    assert "body" not in plain and "listing_image" not in plain
    assert plain["type"] == "home.NewsPage"

    item = news_list(client, fields="body,listing_image", rendition=SPECS)[rich_news["page"].id]
    assert [block["type"] for block in item["body"]] == ["paragraph", "image", "document"]
    assert set(item) >= {"body", "listing_image"} and "intro" not in item


def test_images_come_in_the_sizes_asked_for_with_absolute_urls_that_open(client, rich_news):
    item = news_list(client, fields="body,listing_image", rendition=SPECS)[rich_news["page"].id]
    image_block = item["body"][1]["value"]
    assert image_block["caption"] == "In Oulu"
    assert image_block["image"]["alt"] == "Buyers at work"
    for image in (image_block["image"], item["listing_image"]):
        assert image["id"] == rich_news["image"].id
        assert [rendition["spec"] for rendition in image["renditions"]] == SPECS
        fill = image["renditions"][0]
        assert (fill["width"], fill["height"]) == (480, 270)
        assert all(opens(rendition["url"]) for rendition in image["renditions"])


def test_a_size_outside_the_allowed_set_is_refused_by_name(client, rich_news):
    response = client.get(
        "/api/v3/pages/", {"type": "home.NewsPage", "fields": "body", "rendition": "width-5000"}
    )
    assert response.status_code in (400, 422)
    assert "rendition" in response.content.decode()


def test_documents_and_links_in_bodies_carry_their_urls(client, rich_news):
    item = news_list(client, fields="body")[rich_news["page"].id]
    paragraph, _image, document_block = item["body"]
    document = rich_news["document"]
    assert document_block["value"]["document"]["id"] == document.id
    assert document_block["value"]["document"]["url"] == f"http://testserver{document.url}"
    # Files open from another origin; page links keep the visitor on the front end's site.
    assert f'href="http://testserver{document.url}"' in paragraph["value"]
    assert f'href="{rich_news["linked"].url}"' in paragraph["value"]


def test_a_page_detail_is_typed_like_the_list(client, rich_news):
    response = client.get(f"/api/v3/pages/{rich_news['page'].id}/", {"rendition": SPECS})
    assert response.status_code == 200
    detail = response.json()
    assert detail["type"] == "home.NewsPage"
    assert detail["body"] == news_list(client, fields="body", rendition=SPECS)[detail["id"]]["body"]
    assert detail["meta"]["html_url"].startswith("http://testserver/")


def test_events_carry_body_and_image(client, event_index):
    image = ImageFactory()
    event = EventPageFactory(
        parent=event_index,
        listing_image=image,
        body=[{"type": "heading", "value": {"text": "Programme", "level": "h2"}}],
    )
    response = client.get("/api/v3/events/", {"rendition": "width-480"})
    (item,) = response.json()["items"]
    assert item["id"] == event.id
    assert item["body"][0]["value"]["text"] == "Programme"
    assert item["image"]["renditions"][0]["spec"] == "width-480"
    assert item["html_url"] == f"http://testserver{event.url}"


def test_resources_carry_locale_body_and_thumbnail(client, home_page, database_search_only):
    thumbnail = ImageFactory()
    resource = ResourceFactory(body="<p>How to run a PCP</p>", thumbnail=thumbnail)
    response = client.get("/api/v3/resources/", {"rendition": "width-480"})
    (item,) = response.json()["items"]
    assert item["id"] == resource.id
    assert item["locale"] == "en"
    assert item["body"] == "<p>How to run a PCP</p>"
    assert item["thumbnail"]["id"] == thumbnail.id
    assert item["html_url"].startswith("http://testserver/resources/")


def test_images_list_and_detail_carry_renditions_and_an_absolute_download(client, db):
    image = ImageFactory(title="Hospital buyers")
    listed = client.get("/api/v3/images/", {"rendition": SPECS, "limit": 5}).json()
    assert listed["count"] == 1
    (item,) = listed["items"]
    detail = client.get(f"/api/v3/images/{image.id}/", {"rendition": SPECS}).json()
    for answer in (item, detail):
        assert answer["id"] == image.id
        assert [rendition["spec"] for rendition in answer["renditions"]] == SPECS
        assert all(opens(rendition["url"]) for rendition in answer["renditions"])
        assert answer["meta"]["download_url"].startswith(("http://", "https://"))
        assert opens(answer["meta"]["download_url"])
