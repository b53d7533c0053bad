"""The editors' journeys through the Wagtail admin, posted through the real views.

Each test logs in as the kind of user who does the job on the live site (an
Editors-group editor, a Moderators-group moderator, or a superuser for the
admin-only tools) and checks what that person relies on: what gets saved, what
goes live, and what the public site then shows.
"""

import datetime
from html import unescape as html_unescape

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Revision, Site, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.blocks import RICH_TEXT_FEATURES
from home.models import (
    Country,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalFrameworkIndexPage,
    LegalSectionPage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
    Topic,
)
from tests.cms.factories import UserFactory
from tests.home.factories import NewsPageFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


# --- helpers -----------------------------------------------------------------


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def listblock(items):
    """Form data for a ListBlock, the counterpart of Wagtail's `streamfield` helper."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def body_blocks():
    return streamfield(
        [
            ("heading", {"text": "Why buyers go first", "level": "h2"}),
            (
                "paragraph",
                rich_text(
                    "<p>Launch customers <b>share the risk</b>.</p>",
                    features=RICH_TEXT_FEATURES,
                ),
            ),
            (
                "quote",
                {
                    "quote": "We bought the outcome, not the product.",
                    "attribution": "A hospital buyer",
                },
            ),
            (
                "faq",
                {
                    "title": "Questions",
                    "items": listblock(
                        [
                            {
                                "question": "Is PCP exempt from the directives?",
                                "answer": rich_text(
                                    "<p>Yes, under Article 14.</p>",
                                    features=RICH_TEXT_FEATURES,
                                ),
                            }
                        ]
                    ),
                },
            ),
        ]
    )


def news_form_data(
    title="Cities pilot green PCP", slug="cities-pilot-green-pcp", topics=(), **extra
):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-03-02",
            "intro": "Five cities pool demand for zero-emission buses.",
            "procurement_type": "",
            "listing_image": "",
            "body": body_blocks(),
            "go_live_at": "",
            "expire_at": "",
            **extra,
        }
    )
    data["topics"] = [str(topic.pk) for topic in topics]
    return data


def event_form_data(**overrides):
    data = nested_form_data(
        {
            "title": "PCP launch workshop",
            "slug": "pcp-launch-workshop",
            "intro": "How to prepare a PCP call.",
            "start_date": "2026-06-02",
            "start_time": "09:00",
            "end_date": "2026-06-02",
            "end_time": "17:00",
            "time_zone": "Europe/Brussels",
            "venue": "Congress centre",
            "city": "Brussels",
            "country": str(Country.objects.get(code="BE").pk),
            "online_url": "",
            "event_type": "workshop",
            "organiser": "",
            "registration_url": "",
            "listing_image": "",
            "body": streamfield([]),
            "go_live_at": "",
            "expire_at": "",
        }
    )
    data.update(overrides)
    return data


def create_news_draft(client, news_index, **kwargs):
    response = client.post(add_url(NewsPage, news_index), news_form_data(**kwargs))
    assert response.status_code == 302, form_errors(response)
    return NewsPage.objects.get(slug=kwargs.get("slug", "cities-pilot-green-pcp"))


def form_errors(response):
    """The admin form's errors, for an assertion message when a post is refused."""
    context = getattr(response, "context", None)
    if not context or "form" not in context:
        return f"status {response.status_code}"
    form = context["form"]
    return {
        "errors": form.errors,
        "formsets": {name: formset.errors for name, formset in form.formsets.items()},
    }


@pytest.fixture
def superuser_client(db):
    user = UserFactory(username="admin-user", is_staff=True, is_superuser=True)
    return client_for(user)


# --- 1 and 2: draft, moderation, approval ----------------------------------------


def test_editor_saves_a_news_draft_through_the_admin(editor, news_index):
    ict = TopicFactory(name="ICT", slug="ict")
    health = TopicFactory(name="Health", slug="health")
    client = client_for(editor)

    page = create_news_draft(client, news_index, topics=[ict, health])

    assert page.get_parent().pk == news_index.pk
    assert not page.live
    assert page.has_unpublished_changes
    assert page.revisions.count() == 1
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Cities pilot green PCP"
    assert draft.intro == "Five cities pool demand for zero-emission buses."
    assert draft.date == datetime.date(2026, 3, 2)
    assert [block.block_type for block in draft.body] == ["heading", "paragraph", "quote", "faq"]
    assert draft.body[0].value["text"] == "Why buyers go first"
    assert "share the risk" in draft.body[1].value.source
    assert draft.body[3].value["items"][0]["question"] == "Is PCP exempt from the directives?"
    assert set(page.topics.values_list("slug", flat=True)) == {"ict", "health"}
    assert page.latest_revision.user == editor


def test_editor_cannot_publish_but_can_submit_for_moderation(editor, news_index, client):
    editor_client = client_for(editor)
    page = create_news_draft(editor_client, news_index)

    # The editor has no publish permission: "publish" falls back to a draft save.
    response = editor_client.post(edit_url(page), {**news_form_data(), "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.count() == 2

    response = editor_client.post(edit_url(page), {**news_form_data(), "action-submit": "1"})
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    assert state.requested_by == editor
    assert not page.live

    # While in moderation the page stays unpublished, whatever the editor posts.
    editor_client.post(edit_url(page), {**news_form_data(), "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/news/cities-pilot-green-pcp/").status_code == 404


def test_editor_publish_on_the_add_view_only_saves_a_draft(editor, news_index, client):
    data = {**news_form_data(), "action-publish": "1"}

    response = client_for(editor).post(add_url(NewsPage, news_index), data)

    assert response.status_code == 302, form_errors(response)
    page = NewsPage.objects.get(slug="cities-pilot-green-pcp")
    assert not page.live
    assert page.live_revision is None
    assert client.get("/news/cities-pilot-green-pcp/").status_code == 404


def test_moderator_approval_publishes_the_submitted_page(editor, moderator, news_index, client):
    editor_client = client_for(editor)
    page = create_news_draft(editor_client, news_index)
    editor_client.post(edit_url(page), {**news_form_data(), "action-submit": "1"})
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    assert task_state is not None

    assert client.get("/news/cities-pilot-green-pcp/").status_code == 404

    # An editor is not a reviewer: approving does nothing.
    editor_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    )
    page.refresh_from_db()
    assert not page.live

    response = client_for(moderator).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == (
        WorkflowState.STATUS_APPROVED
    )

    response = client.get("/news/cities-pilot-green-pcp/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cities pilot green PCP" in html
    assert "We bought the outcome, not the product." in html
    assert "Is PCP exempt from the directives?" in html


def test_the_news_form_names_fields_and_blocks_as_an_editor_would(editor, news_index):
    html = client_for(editor).get(add_url(NewsPage, news_index)).content.decode()
    page = BeautifulSoup(html, "html.parser")
    labels = {label.get("for"): " ".join(label.get_text().split()) for label in page("label")}
    assert labels["id_listing_image"] == "Card image"
    assert labels["id_intro"] == "Introduction"
    help_texts = " ".join(page.get_text().split())
    assert "A picture in the body does not make a card image." in help_texts
    # The body's blocks, as the block picker and each block's fields name them
    # (their definitions travel as JSON in the form).
    body = html_unescape(html)
    for label in (
        '"Picture"',
        '"Caption"',
        '"Questions and answers"',
        '"Question and answer"',
        '"Call to action (button)"',
        '"Button text"',
        '"Document link"',
        '"Link text"',
    ):
        assert label in body, label
    assert '"Faq"' not in body and '"Faq item"' not in body


def submitted_news(editor, news_index):
    editor_client = client_for(editor)
    page = create_news_draft(editor_client, news_index)
    editor_client.post(edit_url(page), {**news_form_data(), "action-submit": "1"})
    page.refresh_from_db()
    return page


def success_messages(response):
    return [str(message) for message in response.context["messages"]]


def test_approving_on_the_dashboard_says_the_page_is_published(editor, moderator, news_index):
    page = submitted_news(editor, news_index)
    task_state = page.current_workflow_task_state

    response = client_for(moderator).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        follow=True,
    )

    assert "'Cities pilot green PCP' approved and published." in success_messages(response)


def test_approving_in_the_edit_view_says_the_page_is_published(editor, moderator, news_index):
    page = submitted_news(editor, news_index)

    response = client_for(moderator).post(
        edit_url(page),
        {**news_form_data(), "action-workflow-action": "1", "workflow-action-name": "approve"},
        follow=True,
    )

    page.refresh_from_db()
    assert page.live
    assert "'Cities pilot green PCP' approved and published." in success_messages(response)


def test_a_plain_save_says_nothing_of_approval(editor, news_index):
    page = create_news_draft(client_for(editor), news_index)
    response = client_for(editor).post(edit_url(page), news_form_data(), follow=True)
    assert not [text for text in success_messages(response) if "approved" in text]


# --- 3: validation -----------------------------------------------------------


@pytest.mark.parametrize("action", [None, "action-submit"], ids=["save-draft", "submit"])
def test_event_with_impossible_dates_is_refused_with_field_errors(editor, event_index, action):
    data = event_form_data(
        start_date="2026-06-02", end_date="2026-06-01", start_time="", end_time=""
    )
    if action:
        data[action] = "1"

    response = client_for(editor).post(add_url(EventPage, event_index), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "end_date" in errors
    assert "start_time" in errors
    assert "end_time" in errors
    assert "The event cannot end before it starts." in response.content.decode()
    assert not EventPage.objects.exists()
    assert not Revision.objects.filter(object_str="PCP launch workshop").exists()


def test_valid_event_is_saved_from_the_admin(editor, event_index):
    response = client_for(editor).post(add_url(EventPage, event_index), event_form_data())

    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get(slug="pcp-launch-workshop")
    # 09:00 in Brussels in June is 07:00 UTC.
    assert event.starts_at == datetime.datetime(2026, 6, 2, 7, 0, tzinfo=datetime.UTC)


# --- 4: scheduled publishing -------------------------------------------------


def test_scheduled_page_goes_live_when_its_time_comes(moderator, news_index, client):
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    data = news_form_data(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    data["action-publish"] = "1"

    response = client_for(moderator).post(add_url(NewsPage, news_index), data)
    assert response.status_code == 302, form_errors(response)
    page = NewsPage.objects.get(slug="cities-pilot-green-pcp")
    revision = page.latest_revision
    assert not page.live
    assert revision.approved_go_live_at is not None
    assert revision.approved_go_live_at > timezone.now()

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert client.get("/news/cities-pilot-green-pcp/").status_code == 404

    # Let the day pass: the schedule and the revision's own go-live date move into
    # the past together, as they would on the clock.
    moment = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = moment
    revision.content["go_live_at"] = moment.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    assert client.get("/news/cities-pilot-green-pcp/").status_code == 200


# --- 5: preview --------------------------------------------------------------


def test_preview_renders_unsaved_changes_with_the_page_template(editor, news_index):
    page = NewsPageFactory(parent=news_index, title="Saved title", slug="cities-pilot-green-pcp")
    page.save_revision()
    client = client_for(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))

    response = client.post(url, news_form_data(title="Headline seen only in preview"))
    assert response.status_code == 200
    assert response.json()["is_valid"] is True

    response = client.get(url)
    assert response.status_code == 200
    assert "home/news_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Headline seen only in preview" in html
    assert "We bought the outcome, not the product." in html
    page.refresh_from_db()
    assert page.title == "Saved title"


# --- 6: revisions --------------------------------------------------------------


def test_two_edits_make_two_revisions_and_the_first_can_be_restored(editor, news_index):
    page = NewsPageFactory(parent=news_index, title="Original", slug="cities-pilot-green-pcp")
    client = client_for(editor)
    for title in ("First edit", "Second edit"):
        response = client.post(edit_url(page), news_form_data(title=title))
        assert response.status_code == 302, form_errors(response)

    first, second = page.revisions.order_by("created_at", "pk")
    assert [first.content["title"], second.content["title"]] == ["First edit", "Second edit"]

    response = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    for revision in (first, second):
        assert reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk)) in html
    # Only an older revision is offered for restoring; the latest is the current draft.
    assert reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk)) in html

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, first.pk))
    response = client.get(revert_url)
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == "First edit"

    response = client.post(revert_url, news_form_data(title="First edit"))
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.revisions.count() == 3
    assert page.get_latest_revision_as_object().title == "First edit"


# --- 7: redirects ------------------------------------------------------------


def test_redirect_created_in_the_admin_sends_old_links_to_the_news(
    superuser_client, news_index, client
):
    assert client.get("/old-news/").status_code == 404

    response = superuser_client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/old-news/",
            "site": "",
            "is_permanent": "on",
            "redirect_page": str(news_index.pk),
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/old-news").exists()

    response = client.get("/old-news/")
    assert response.status_code == 301
    assert response["Location"] == news_index.url == "/news/"


# --- 8: search promotions ----------------------------------------------------


def test_promoted_page_is_recommended_in_site_search(superuser_client, home_page, client):
    guide = StandardPageFactory(
        parent=home_page, title="Getting started with buying R&D", slug="getting-started"
    )

    response = superuser_client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "pcp",
            **nested_form_data(
                {
                    "editors_picks": inline_formset(
                        [
                            {
                                "page": str(guide.pk),
                                "external_link_url": "",
                                "external_link_text": "",
                                "description": "Start here",
                            }
                        ]
                    )
                }
            ),
        },
    )
    assert response.status_code == 302
    assert Query.get("pcp").editors_picks.filter(page=guide).exists()

    response = client.get("/search/", {"q": "pcp"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    recommended = soup.select_one("section.promoted")
    assert recommended is not None
    assert recommended.h2.get_text(strip=True) == "Recommended"
    links = {a["href"]: a.get_text(strip=True) for a in recommended.select("a")}
    assert links == {"/getting-started/": "Getting started with buying R&D"}
    assert "Start here" in recommended.get_text()


def test_search_without_promotions_has_no_recommended_section(home_page, client):
    response = client.get("/search/", {"q": "pcp"})
    assert response.status_code == 200
    assert b"Recommended" not in response.content


# --- 9: site settings --------------------------------------------------------


def settings_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk))


def test_moderator_edits_the_footer_and_the_site_shows_it(moderator, home_page, client):
    moderator_client = client_for(moderator)
    assert moderator_client.get(settings_url()).status_code == 200

    response = moderator_client.post(
        settings_url(),
        nested_form_data(
            {
                "footer_text": "Run by the PPI network since 2026.",
                "contact_email": "team@example.org",
                "social_links": streamfield([]),
            }
        ),
    )
    assert response.status_code == 302, form_errors(response)

    response = client.get("/")
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html.parser").select_one("footer.site-footer")
    assert "Run by the PPI network since 2026." in footer.get_text()
    assert "team@example.org" in footer.get_text()


def test_editor_cannot_change_site_settings(editor, home_page):
    response = client_for(editor).post(
        settings_url(),
        nested_form_data(
            {"footer_text": "Defaced", "contact_email": "", "social_links": streamfield([])}
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not SiteSettings.objects.filter(footer_text="Defaced").exists()


# --- 10: taxonomy snippets ---------------------------------------------------


def topic_form(names, **fields):
    """The topic form as the admin posts it, with its names in other languages."""
    data = {
        "name": "Circular economy",
        "slug": "circular-economy",
        "description": "Reuse first.",
        "names-TOTAL_FORMS": str(len(names)),
        "names-INITIAL_FORMS": "0",
        "names-MIN_NUM_FORMS": "0",
        "names-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (language, name) in enumerate(names):
        data.update(
            {
                f"names-{index}-language": language,
                f"names-{index}-name": name,
                f"names-{index}-ORDER": str(index),
                f"names-{index}-DELETE": "",
                f"names-{index}-id": "",
            }
        )
    return data


def test_editor_adds_a_topic_with_its_french_and_german_names(editor):
    response = client_for(editor).post(
        reverse("wagtailsnippets_home_topic:add"),
        topic_form([("fr", "Économie circulaire"), ("de", "Kreislaufwirtschaft")]),
    )
    assert response.status_code == 302
    topic = Topic.objects.get(slug="circular-economy")
    assert topic.name == "Circular economy"
    assert dict(topic.names.values_list("language", "name")) == {
        "fr": "Économie circulaire",
        "de": "Kreislaufwirtschaft",
    }


def test_a_topic_with_two_names_in_one_language_is_refused_with_what_was_typed(editor):
    response = client_for(editor).post(
        reverse("wagtailsnippets_home_topic:add"),
        topic_form([("fr", "Économie circulaire"), ("fr", "Circularité")]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Économie circulaire" in page and "Circularité" in page  # kept as typed
    assert "duplicate" in page.lower()
    assert not Topic.objects.filter(slug="circular-economy").exists()


def test_editor_cannot_delete_a_country(editor):
    country = Country.objects.get(code="BE")
    url = reverse("wagtailsnippets_home_country:delete", args=(country.pk,))
    client = client_for(editor)

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert Country.objects.filter(pk=country.pk).exists()


def test_topic_listing_searches_by_name(editor):
    TopicFactory(name="Health", slug="health")
    TopicFactory(name="Transport", slug="transport")

    response = client_for(editor).get(reverse("wagtailsnippets_home_topic:list"), {"q": "heal"})

    assert response.status_code == 200
    names = [str(topic) for topic in response.context["object_list"]]
    assert names == ["Health"]


# --- 11: every page type's add form ------------------------------------------


@pytest.mark.parametrize(
    ("model", "parent_fixture", "own_field"),
    [
        (StandardPage, "home_page", "body"),
        (NewsIndexPage, "home_page", "intro"),
        (NewsPage, "news_index", "date"),
        (EventIndexPage, "home_page", "intro"),
        (EventPage, "event_index", "start_date"),
        (LegalFrameworkIndexPage, "home_page", "body"),
        (LegalSectionPage, "legal_index", "jurisdiction"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_add_form_renders_for_every_page_type(
    request, superuser_client, model, parent_fixture, own_field
):
    parent = request.getfixturevalue(parent_fixture)

    response = superuser_client.get(add_url(model, parent))

    assert response.status_code == 200
    form = response.context["form"]
    assert "title" in form.fields
    assert own_field in form.fields
    assert 'name="title"' in response.content.decode()


def test_root_cannot_take_a_second_home_page(superuser_client, home_page):
    root = Page.get_first_root_node()

    response = superuser_client.get(add_url(HomePage, root))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert HomePage.objects.count() == 1


@pytest.mark.django_db
def test_the_admin_sign_in_refuses_password_guessing_for_a_while(client):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    cache.clear()  # allauth keeps its counters in the cache
    editor = get_user_model().objects.create_user(
        "guarded", "guarded@example.net", "right-pass-123", is_staff=True, is_superuser=True
    )
    response = client.post("/admin/login/", {"username": "guarded", "password": "wrong"})
    assert response.status_code == 200
    assert "didn't match" in " ".join(response.context["form"].non_field_errors())
    for _ in range(4):
        client.post("/admin/login/", {"username": "guarded", "password": "wrong"})
    # The sixth attempt, with the right password, waits until the window has passed.
    response = client.post("/admin/login/", {"username": "guarded", "password": "right-pass-123"})
    assert response.status_code == 200
    assert "Too many failed login attempts" in " ".join(response.context["form"].non_field_errors())
    assert "_auth_user_id" not in client.session
    # Once the window has passed (its counters gone), the right password works.
    cache.clear()
    response = client.post("/admin/login/", {"username": "guarded", "password": "right-pass-123"})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(editor.pk)
