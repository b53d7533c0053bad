"""Saved searches in French and German: the account page, the alert email and
the feed speak the search's or the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command

from saved_searches.links import feed_path
from tests.resources.factories import ResourceFactory
from tests.saved_searches.conftest import ago, saved_search

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def plain(value):
    """Spaces, non-breaking ones too, made plain."""
    return " ".join(value.split())


def published_in(locale, title, topic):
    resource = ResourceFactory(
        title=title, locale=locale, relations__topics=[topic], relations__publish=True
    )
    type(resource).objects.filter(pk=resource.pk).update(first_published_at=ago(hours=3))
    return resource


def test_the_account_page_in_french(client, member, topics):
    saved_search(member, query="q=achat&topic=health", name="Santé", language="fr")
    saved_search(member, query="topic=energy", name="Energie", language="de")
    client.force_login(member)
    page = BeautifulSoup(client.get("/fr/members/me/searches/").content, "html.parser")
    assert page.h1.get_text() == "Vos recherches enregistrées"
    assert page.select_one(".saved-search-edit label[for$=frequency]").get_text() == "E-mail"
    items = {
        item.h2.get_text(strip=True): plain(item.get_text(" "))
        for item in page.select(".saved-search")
    }
    french, german = items["Santé"], items["Energie"]
    assert "“achat” · Thème: Health" in french
    assert "Aucun e-mail envoyé pour l’instant." in french
    assert "Enregistrer les modifications" in french and "Flux Atom" in french
    # A search saved in another language says which.
    assert "Thème: Energy · Deutsch" in german


def test_a_french_alert_and_a_german_feed(client, member, topics, home_page, fr_locale):
    from wagtail.models import Locale

    saved_search(member, query="topic=health", name="Santé", language="fr")
    published_in(fr_locale, "Achat innovant en santé", topics["health"])

    call_command("send_saved_search_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [message] = mail.outbox
    assert plain(message.subject) == "« Santé » : 1 nouvelle ressource"
    body = plain(message.body)
    assert "Nouveau dans le Centre de ressources pour votre recherche enregistrée « Santé »" in body
    assert "Achat innovant en santé (Guide ou outil)" in body
    assert "Arrêter ces e-mails :" in body
    assert "Modifier ou supprimer vos recherches enregistrées" in message.alternatives[0][0]

    german = saved_search(member, query="topic=health", name="Gesundheit", language="de")
    published_in(Locale.objects.create(language_code="de"), "Innovative Pflege", topics["health"])
    feed = client.get(feed_path(german)).content.decode()
    assert "Neue Ressourcen für eine gespeicherte Suche im Ressourcenzentrum." in feed
    assert "Innovative Pflege" in feed
