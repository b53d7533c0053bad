"""Demo resources for the Resource Centre: 240 items spread over every facet value.

The titles and summaries are assembled from parts written for this project, so
every topic, country, language, type, procurement type and year has resources.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail.search import index

from cms.demo_media import pdf
from home.models import Country, ProcurementType, Topic

from .models import Language, Resource, ResourceType

COUNT = 240

KINDS = {
    ResourceType.POLICY: (
        "National strategy for {topic} innovation procurement",
        "sets targets and responsibilities for buying innovative solutions in {topic}.",
    ),
    ResourceType.GUIDANCE: (
        "Step-by-step guide to {proc} in {topic}",
        "walks contracting authorities through preparing, running and evaluating a {proc} in {topic}.",
    ),
    ResourceType.CASE_STUDY: (
        "Case study: {topic} {proc} by a regional authority",
        "describes how a regional authority in {country} used {proc} to meet a {topic} need, and what it learned.",
    ),
    ResourceType.PROJECT: (
        "Buyers group project on {topic} solutions",
        "brings public buyers from several countries together to procure {topic} solutions jointly.",
    ),
    ResourceType.REPORT: (
        "Market study: readiness of {topic} suppliers",
        "analyses how ready suppliers in {country} are to answer innovation tenders in {topic}.",
    ),
    ResourceType.LEGAL_TEXT: (
        "Procurement rules applicable to {topic} innovation",
        "sets out the legal provisions that apply when public buyers procure innovation in {topic}.",
    ),
    ResourceType.TRAINING: (
        "Training module: {proc} for {topic} buyers",
        "is a self-paced course with exercises on {proc} for procurement officers working in {topic}.",
    ),
    ResourceType.LINK: (
        "Portal of {topic} innovation challenges",
        "lists open challenges in which public buyers describe {topic} needs to the market.",
    ),
}

PUBLISHERS = [
    "European Commission",
    "National competence centre for innovation procurement",
    "Regional development agency",
    "City procurement office",
    "University research group",
    "Association of public buyers",
    "Ministry of economic affairs",
    "Innovation agency",
]


class ResourceDemoLoader:
    def __init__(self, log=print):
        self.log = log

    def run(self):
        locale = Locale.get_default()
        if Resource.objects.filter(locale=locale).count() >= COUNT:
            self.log("Resource Centre demo content already there.")
            return
        rng = random.Random(2014)  # noqa: S311 repeatable demo data, not secrets
        topics = list(Topic.objects.order_by("slug"))
        countries = list(Country.objects.order_by("code"))
        european_level = Country.objects.get(code="EU")
        # Every language has resources; every other resource is also in English.
        languages = list(Language.objects.order_by("code"))
        english = Language.objects.get(code="en")
        procurement_types = list(ProcurementType.objects.order_by("slug"))
        kinds = list(KINDS.items())
        documents = self.documents()
        created = 0
        for number in range(COUNT):
            kind, (title, summary) = kinds[number % len(kinds)]
            topic = topics[number % len(topics)]
            country = countries[number % len(countries)]
            language = languages[number % len(languages)]
            both = number % 5 == 0
            procs = (
                procurement_types if both else [procurement_types[number % len(procurement_types)]]
            )
            proc_label = " and ".join(p.abbreviation for p in procs)
            # Spelled out where the title and summary use the acronym: the
            # search synonyms (Settings > Search synonyms) find either.
            proc_names = " and ".join(mid_sentence(p.name) for p in procs)
            words = {"topic": mid_sentence(topic.name), "country": country.name, "proc": proc_label}
            full_title = f"{title.format(**words)} ({country.name}, no. {number + 1})"
            slug = slugify(full_title)[:200]
            if Resource.objects.filter(locale=locale, slug=slug).exists():
                continue
            resource = Resource(
                locale=locale,
                title=full_title,
                slug=slug,
                summary=f"This {kind.label.lower()} {summary.format(**words)}",
                body=(
                    f"<p>{full_title} {summary.format(**words)}</p>"
                    f"<p>Published by {PUBLISHERS[number % len(PUBLISHERS)]} for "
                    f"contracting authorities, policy makers and suppliers interested in "
                    f"{proc_names} for {words['topic']}.</p>"
                ),
                resource_type=kind,
                publisher=PUBLISHERS[number % len(PUBLISHERS)],
                publication_date=datetime.date(
                    2014 + number % 13, 1 + number % 12, 1 + number % 28
                ),
                external_url=f"https://example.org/resources/{slug}"
                if kind == ResourceType.LINK or number % 3
                else "",
                document=documents[number % len(documents)] if number % 3 == 0 else None,
                featured=number % 40 == 0,
                live=True,
            )
            resource.save()
            resource.topics.set({topic, rng.choice(topics)})
            resource.countries.set({country} | ({european_level} if number % 4 == 0 else set()))
            resource.languages.set({language} | ({english} if number % 2 else set()))
            resource.procurement_types.set(procs)
            resource.tags.add(topic.slug, kind.value)
            publish_as_created(resource)
            created += 1
        self.log(f"Resource Centre demo content ready ({created} resources created).")

    def documents(self):
        titles = [
            "Checklist for a market consultation",
            "Template: PCP call for tender",
            "Life-cycle costing worksheet",
            "Lessons learned from a buyers group",
            "Model clauses on intellectual property in PCP",
        ]
        documents = []
        for title in titles:
            document = Document.objects.filter(title=title).first()
            if document is None:
                document = Document(title=title)
                document.file.save(
                    f"{slugify(title)}.pdf",
                    ContentFile(
                        pdf(title, [f"{title}: a demonstration document of the platform."])
                    ),
                    save=False,
                )
                document.save()
            documents.append(document)
        return documents


def publish_as_created(resource):
    """Published as created (live=True, its first revision the live one, so the
    admin lists it "live", not "live + draft"), then indexed again now that its
    relations exist."""
    resource.save()
    revision = resource.save_revision(log_action=False)
    Resource.objects.filter(pk=resource.pk).update(
        live_revision=revision,
        has_unpublished_changes=False,
        first_published_at=revision.created_at,
        last_published_at=revision.created_at,
    )
    index.insert_or_update_object(resource)


def mid_sentence(name):
    """A taxonomy name as it reads inside a sentence: lower case, except the
    acronyms ("ICT and digital services" stays, "Health and social care"
    becomes "health and social care")."""
    return " ".join(word if word.isupper() else word.lower() for word in name.split())
