"""Translating with wagtail-localize as editors and moderators do, through the
admin's own views: an editor submits a page or a resource for translation into
French and translates it string by string; a moderator publishes it; when the
English source changes, syncing brings the change to the French translation."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from resources.models import Resource
from tests.home.factories import NewsPageFactory
from tests.resources.factories import ResourceFactory

TABLE = {
    "table_caption": "PCP and PPI at a glance",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "data": [["", "PCP"], ["Buys", "R&D services"]],
}


@pytest.fixture
def french_news_index(home_page, news_index, fr_locale, publish_translation):
    publish_translation(home_page, fr_locale, title="Accueil")
    return publish_translation(news_index, fr_locale, title="Actualités")


@pytest.fixture
def news_item(news_index):
    item = NewsPageFactory(
        parent=news_index,
        title="Buyers launch a PCP",
        slug="buyers-launch-a-pcp",
        intro="Four cities buy research together.",
        body=json.dumps([{"type": "table", "value": TABLE}]),
    )
    item.save_revision().publish()
    return item


def submit(client, url, locale):
    """The editor ticks French on the package's "Translate" form."""
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content
    return response


def translate_strings(client, instance, locale, french):
    """Type a translation for each source string not yet translated, as the
    translation editor saves them one by one; `french` maps source text (HTML)
    to its translation."""
    source = TranslationSource.objects.get_for_instance(instance)
    translation = source.translations.get(target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    for segment in segments:
        if StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locale
        ).exists():
            continue
        text = segment.string.data
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id]),
            urlencode({"value": french.get(text, f"[fr] {text}")}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), (text, response.content)
    return translation


@pytest.fixture
def french_draft(client, editor, fr_locale, french_news_index, news_item):
    """The editor asks for the news item in French; the client stays signed in
    as the editor."""
    client.force_login(editor)
    submit(
        client, reverse("wagtail_localize:submit_page_translation", args=[news_item.id]), fr_locale
    )
    return news_item.get_translation(fr_locale)


def test_an_editor_translates_a_news_item_and_a_moderator_publishes_it(
    client, moderator, fr_locale, news_item, french_draft, django_capture_on_commit_callbacks
):
    french = french_draft
    # A new translation is a draft: the editor, who may not publish, does not put
    # the English text live under /fr/.
    assert not french.live

    translation = translate_strings(
        client,
        news_item,
        fr_locale,
        {
            "Buyers launch a PCP": "Des acheteurs lancent un PCP",
            "buyers-launch-a-pcp": "des-acheteurs-lancent-un-pcp",
            "R&amp;D services": "Services de R&amp;D",
        },
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.id])
    client.post(edit_url, {"action": "publish"})  # the admin refuses: editors may not publish
    assert not Page.objects.get(id=french.id).live

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):  # the package publishes on commit
        assert client.post(edit_url, {"action": "publish"}).status_code == 302

    french = Page.objects.get(id=french.id).specific
    assert french.live and french.title == "Des acheteurs lancent un PCP"
    assert translation.get_progress() == (translation.source.stringsegment_set.count(),) * 2
    page = client.get("/fr/news/des-acheteurs-lancent-un-pcp/")
    assert page.status_code == 200
    html = page.content.decode()
    # The table's caption and cells are translated like every other block.
    assert "[fr] PCP and PPI at a glance" in html
    assert "Services de R&amp;D" in html
    assert "[fr] Four cities buy research together." in html


def test_a_source_change_syncs_to_the_french_translation(
    client,
    editor,
    moderator,
    fr_locale,
    news_item,
    french_draft,
    django_capture_on_commit_callbacks,
):
    translate_strings(client, news_item, fr_locale, {"buyers-launch-a-pcp": "acheteurs-pcp"})
    french = french_draft
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.id])
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})

    news_item.intro = "Four cities and a region buy research together."
    news_item.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(news_item)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.id])

    # The editor syncs; asking to publish as well changes nothing live, since
    # editors may not publish: the offer is not on the editor's form.
    client.force_login(editor)
    assert b"publish_translations" not in client.get(sync_url).content
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync_url, {"publish_translations": "on"}).status_code == 302
    live = client.get("/fr/news/acheteurs-pcp/").content.decode()
    assert "[fr] Four cities buy research together." in live

    # The new sentence is now a string waiting for its translation.
    translation = translate_strings(client, news_item, fr_locale, {})
    assert translation.get_progress() == (source.stringsegment_set.count(),) * 2
    client.force_login(moderator)
    assert b"publish_translations" in client.get(sync_url).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    page = client.get("/fr/news/acheteurs-pcp/").content.decode()
    assert "[fr] Four cities and a region buy research together." in page


# The API answers from the database here: the engine indexes a published
# resource after the commit, which these tests never reach.
def test_an_editor_translates_a_resource(
    client, editor, moderator, fr_locale, database_search_only
):
    resource = ResourceFactory(
        title="A guide to market consultation",
        summary="How to talk to suppliers before a tender.",
        relations__publish=True,
    )
    client.force_login(editor)
    submit(
        client,
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["resources", "resource", resource.pk],
        ),
        fr_locale,
    )
    french = resource.get_translation(fr_locale)
    assert not french.live

    translate_strings(
        client,
        resource,
        fr_locale,
        {
            "A guide to market consultation": "Guide de la consultation du marché",
            resource.slug: "guide-consultation-marche",
        },
    )
    client.force_login(moderator)
    edit_url = reverse("wagtailsnippets_resources_resource:edit", args=[french.pk])
    assert client.post(edit_url, {"action": "publish"}).status_code == 302

    french = Resource.objects.get(pk=french.pk)
    assert french.live and french.title == "Guide de la consultation du marché"
    assert french.summary == "[fr] How to talk to suppliers before a tender."
    assert client.get("/fr/resources/guide-consultation-marche/").status_code == 200
    listed = client.get("/api/v3/resources/", {"locale": "fr"}).json()
    assert [item["title"] for item in listed["items"]] == ["Guide de la consultation du marché"]
