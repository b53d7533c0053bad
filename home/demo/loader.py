"""Builds the website's demo content from home/demo/content.py. Idempotent: what
exists already (matched by slug under its parent) is left as it is."""

import datetime
import io
import os
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.demo_media import pdf, picture
from home.demo import content
from home.models import (
    Country,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalFrameworkIndexPage,
    LegalSectionPage,
    NewsIndexPage,
    NewsPage,
    ProcurementType,
    SiteSettings,
    StandardPage,
    Topic,
    TopicName,
)

# Dates in content.py were written on this day; events move with the calendar
# (by whole weeks, so weekdays stay) so the demo always has upcoming events.
CONTENT_WRITTEN_ON = datetime.date(2026, 11, 25)

DEMO_USERS = [
    # username, first name, last name, is_superuser, Wagtail group
    ("admin", "Ada", "Admin", True, None),
    ("editor", "Eda", "Editor", False, "Editors"),
    ("moderator", "Mo", "Moderator", False, "Moderators"),
    ("alice", "Alice", "Andersen", False, None),
    ("bob", "Bob", "Bakker", False, None),
]

FRENCH_HERO_TEXT = (
    "Les pouvoirs publics européens achètent chaque année des travaux, des fournitures et des "
    "services pour une part importante du PIB. Cette plateforme aide les acheteurs à préparer et "
    "à conduire des achats publics d'innovation (PPI) et des achats publics avant "
    "commercialisation (PCP), et les met en relation avec des pairs qui l'ont déjà fait."
)

# A few items in French too, so the French home page, news and calendar have content:
# English slug -> (title, intro, body paragraph).
FRENCH_ITEMS = {
    "procurer-training-programme-autumn-cohort": (
        "Le programme de formation aux achats d'innovation ouvre sa session d'automne",
        "Notre formation mixte pour les acheteurs publics revient avec de nouveaux modules sur le "
        "coût du cycle de vie et la gestion des contrats.",
        "<p>La session combine des modules en ligne et deux journées d'atelier. Elle s'adresse aux "
        "acheteurs qui préparent un premier achat d'innovation comme à ceux qui veulent approfondir "
        "la consultation du marché et les critères d'attribution.</p>",
    ),
    "flood-early-warning-pcp-field-testing": (
        "Le PCP d'alerte précoce aux crues entre en phase d'essais sur le terrain",
        "Deux fournisseurs vont tester pendant un an des capteurs fluviaux à bas coût et un "
        "logiciel de prévision dans les bassins de l'autorité de bassin de la Severan.",
        "<p>Après la conception et le prototypage, la troisième phase de cet achat avant "
        "commercialisation confronte les solutions aux conditions réelles. <em>Exemple de "
        "démonstration : l'autorité et le projet sont fictifs.</em></p>",
    ),
    "webinar-state-aid-checks-for-pcp": (
        "Webinaire : les aides d'État dans l'achat avant commercialisation",
        "Comment concevoir un PCP qui ne constitue pas une aide d'État, avec des exemples.",
        "<p>Le webinaire présente les conditions fixées par l'encadrement des aides d'État à la "
        "recherche, au développement et à l'innovation pour l'achat de services de R&amp;D.</p>",
    ),
}

FRENCH = {
    "home": (
        "Accueil",
        "Aider les acheteurs publics à faire entrer l'innovation dans les services publics",
    ),
    "news": ("Actualités", "Les nouvelles de l'achat public d'innovation en Europe."),
    "events": ("Événements", "Conférences, webinaires et formations sur les achats d'innovation."),
    "legal-framework": ("Cadre juridique", "Les règles européennes et nationales applicables."),
    "about": (
        "À propos de la plateforme",
        "Un espace commun pour les acheteurs publics européens.",
    ),
}


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "procure-demo")


def stream(blocks):
    """content.py's (type, value) tuples as StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif block_type == "paragraph":
            data.append(("paragraph", RichText(value)))
        elif block_type == "quote":
            data.append(("quote", value))
        elif block_type == "faq":
            items = [{"question": i["question"], "answer": RichText(i["answer"])} for i in value]
            data.append(("faq", {"title": "", "items": items}))
        elif block_type == "cta":
            data.append(("call_to_action", {**value, "page": None}))
        elif block_type == "table":
            data.append(
                (
                    "table",
                    {
                        "table_caption": value.get("caption", ""),
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": value["rows"],
                    },
                )
            )
        else:
            raise ValueError(f"Unknown demo block type {block_type!r}")
    return data


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    def run(self):
        self.users()
        self.locales()
        self.taxonomies()
        self.images = self.demo_images()
        home = self.home_page()
        self.serve_at(home.get_site())
        self.site_settings(home)
        for spec in content.STANDARD_PAGES:
            self.child(
                home,
                StandardPage,
                spec["slug"],
                title=spec["title"],
                intro=spec["intro"],
                body=stream(spec["body"]),
                show_in_menus=spec["slug"] == "about",
            )
        self.attach_guide(home)
        self.news(home)
        self.events(home)
        self.legal(home)
        self.translations(home)
        self.translate_items(home)
        self.editor_features(home)
        self.log(f"Website demo content ready ({self.created} pages created).")

    # People -----------------------------------------------------------------
    def users(self):
        User = get_user_model()
        for username, first, last, superuser, group in DEMO_USERS:
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": first,
                    "last_name": last,
                },
            )
            user.is_superuser = user.is_staff = superuser
            user.is_active = True
            user.set_password(demo_password())
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))

    def locales(self):
        for code in ("en", "fr", "de"):
            Locale.objects.get_or_create(language_code=code)

    def taxonomies(self):
        for slug, name in content.TOPICS:
            Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        self.topics = {topic.slug: topic for topic in Topic.objects.all()}
        for language, names in content.TOPIC_NAMES.items():
            for slug, name in names.items():
                TopicName.objects.get_or_create(
                    topic=self.topics[slug], language=language, defaults={"name": name}
                )
        self.countries = {country.code: country for country in Country.objects.all()}
        self.procurement_types = {ptype.slug: ptype for ptype in ProcurementType.objects.all()}

    def demo_images(self):
        images = []
        for index in range(6):
            title = f"Demo illustration {index + 1}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                image = Image(
                    title=title, description="Abstract illustration: circles on a colour gradient"
                )
                image.file = ImageFile(
                    io.BytesIO(picture(index)), name=f"demo-illustration-{index + 1}.png"
                )
                image.save()
            images.append(image)
        return images

    # Pages ------------------------------------------------------------------
    def publish(self, page):
        page.save_revision().publish()
        self.created += 1
        return page

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        return self.publish(page)

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        # Wagtail's install leaves a "Welcome" placeholder with the slug we want.
        placeholder = site.root_page if site else None
        if placeholder is not None and placeholder.slug == "home":
            placeholder.slug = "welcome-placeholder"
            placeholder.save(update_fields=["slug"])
        home = HomePage(
            title="Home",
            slug="home",
            hero_title=content.HOME["hero_title"],
            hero_text=content.HOME["hero_intro"],
            hero_image=self.images[0],
            intro=content.HOME["hero_intro"],
        )
        root.add_child(instance=home)
        self.publish(home)
        if site is None:
            Site.objects.create(
                hostname="localhost",
                root_page=home,
                is_default_site=True,
                site_name="Procurement of Innovation Platform",
            )
        else:
            site.root_page = home
            site.site_name = "Procurement of Innovation Platform"
            site.save()
            if placeholder.depth == 2 and not isinstance(placeholder.specific, HomePage):
                placeholder.delete()
        return home

    def serve_at(self, site):
        """The demo Site answers at the address `make run` serves
        (WAGTAILADMIN_BASE_URL, from HOST and PORT), so every absolute link
        in feeds, calendars, emails and the APIs opens."""
        address = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        if (site.hostname, site.port) != (address.hostname, port):
            site.hostname, site.port = address.hostname, port
            site.save()

    def site_settings(self, home):
        settings = SiteSettings.for_site(home.get_site())
        if not settings.footer_text:
            settings.footer_text = (
                "The Procurement of Innovation Platform is a demonstration hub for public buyers "
                "in the EU and EEA learning and practising PPI and PCP."
            )
            settings.contact_email = "contact@example.org"
            settings.social_links = [
                ("link", {"label": "LinkedIn", "url": "https://www.linkedin.com/"}),
                ("link", {"label": "Mastodon", "url": "https://social.example.org/@ppi"}),
            ]
            settings.save()

    def attach_guide(self, home):
        document = Document.objects.filter(
            title="A short guide to pre-commercial procurement"
        ).first()
        if document is None:
            document = Document(title="A short guide to pre-commercial procurement")
            document.file.save(
                "pcp-short-guide.pdf",
                ContentFile(
                    pdf(
                        "A short guide to pre-commercial procurement",
                        [
                            "PCP lets public buyers procure research and development services "
                            "from several suppliers in competing phases.",
                            "Because R&D services are exempt from the procurement directives "
                            "(Directive 2014/24/EU, Article 14), PCP follows its own open, "
                            "transparent and competitive procedure.",
                        ],
                    )
                ),
                save=False,
            )
            document.save()
        page = StandardPage.objects.child_of(home).filter(slug="what-is-pcp").first()
        if page and not any(block.block_type == "document" for block in page.body):
            page.body.append(("document", {"document": document, "title": ""}))
            self.publish(page)

    def news(self, home):
        index = self.child(
            home,
            NewsIndexPage,
            "news",
            title="News",
            show_in_menus=True,
            intro="What is happening in innovation procurement across Europe.",
        )
        items = sorted(content.NEWS, key=lambda news: news["date"])
        for number, item in enumerate(items):
            self.child(
                index,
                NewsPage,
                item["slug"],
                title=item["title"],
                date=datetime.date.fromisoformat(item["date"]),
                intro=item["intro"],
                body=stream(item["body"]),
                listing_image=self.images[number % len(self.images)] if number % 3 else None,
                procurement_type=self.procurement_types.get(item.get("procurement_type") or ""),
                topics=[self.topics[slug] for slug in item["topics"]],
                # One older story is featured, so the home page shows the feature at work.
                featured=number == len(items) - 6,
            )
        return index

    def events(self, home):
        index = self.child(
            home,
            EventIndexPage,
            "events",
            title="Events",
            show_in_menus=True,
            intro="Conferences, webinars, trainings and workshops on PPI and PCP.",
        )
        shift = datetime.timedelta(weeks=(datetime.date.today() - CONTENT_WRITTEN_ON).days // 7)
        for item in content.EVENTS:
            start = datetime.datetime.fromisoformat(item["start"]) + shift
            end = datetime.datetime.fromisoformat(item["end"]) + shift
            self.child(
                index,
                EventPage,
                item["slug"],
                title=item["title"],
                intro=item["intro"],
                body=stream(item["body"]),
                start_date=start.date(),
                start_time=None if item["all_day"] else start.time(),
                end_date=end.date(),
                end_time=None if item["all_day"] else end.time(),
                all_day=item["all_day"],
                time_zone=item["timezone"],
                venue=item["venue"],
                city=item["city"],
                country=self.countries[item["country"]],
                online_url=item["online_url"],
                registration_url=item["registration_url"],
                organiser=item["organiser"],
                event_type=item["event_type"],
                topics=[self.topics[slug] for slug in item["topics"]],
            )
        return index

    def legal(self, home):
        index = self.child(
            home,
            LegalFrameworkIndexPage,
            "legal-framework",
            title="Legal framework",
            show_in_menus=True,
            intro="The EU and national rules that shape innovation procurement, section by section.",
        )
        self.legal_sections(index, content.LEGAL_SECTIONS)
        return index

    def legal_sections(self, parent, sections):
        for spec in sections:
            page = self.child(
                parent,
                LegalSectionPage,
                spec["slug"],
                title=spec["title"],
                intro=spec["intro"],
                jurisdiction=self.countries[spec["jurisdiction"]],
                body=stream(spec["body"]),
                references=[("reference", reference) for reference in spec["references"]],
            )
            self.legal_sections(page, spec.get("children", []))

    def translations(self, home):
        """A French version of the main pages, so the language switcher has work to do."""
        french = Locale.objects.get(language_code="fr")
        pages = [home] + [
            page.specific
            for page in home.get_children().filter(
                slug__in=["news", "events", "legal-framework", "about"]
            )
        ]
        for page in pages:
            if page.get_translation_or_none(french):
                continue
            title, intro = FRENCH["home" if page.pk == home.pk else page.slug]
            translation = page.copy_for_translation(french)
            translation.title, translation.intro = title, intro
            if isinstance(translation, HomePage):
                translation.hero_title = intro
                translation.hero_text = FRENCH_HERO_TEXT
            translation.save()
            self.publish(translation)

    def translate_items(self, home):
        french = Locale.objects.get(language_code="fr")
        for slug, (title, intro, paragraph) in FRENCH_ITEMS.items():
            page = Page.objects.descendant_of(home).filter(slug=slug, locale=home.locale).first()
            if page is None or page.get_translation_or_none(french):
                continue
            translation = page.specific.copy_for_translation(french)
            translation.title, translation.intro = title, intro
            translation.body = [("paragraph", RichText(paragraph))]
            translation.save()
            self.publish(translation)

    def editor_features(self, home):
        pcp_page = StandardPage.objects.child_of(home).filter(slug="what-is-pcp").first()
        if pcp_page:
            query = Query.get("pcp")
            SearchPromotion.objects.get_or_create(
                query=query,
                page=pcp_page,
                defaults={
                    "description": "Start here: what pre-commercial procurement is.",
                    "sort_order": 0,
                },
            )
        ppi_page = StandardPage.objects.child_of(home).filter(slug="what-is-ppi").first()
        if ppi_page:
            Redirect.objects.get_or_create(
                old_path=Redirect.normalise_path("/ppi"),
                site=None,
                defaults={"redirect_page": ppi_page, "is_permanent": True},
            )
