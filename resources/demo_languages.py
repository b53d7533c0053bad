"""French and German demo resources: translations of the first English demo
resource of each type (made as an editor's translation is, a copy of the
English resource in the other locale, sharing its translation key), and
resources first written in French or German. Written for this project; the
laws and programmes they name are real (France's code de la commande
publique, Germany's GWB and VgV, KOINNO), the authorities' documents are not.
"""

import datetime
import re

from django.utils.text import slugify
from django.utils.translation import override
from wagtail.models import Locale

from home.models import Country, ProcurementType, Topic

from .demo import publish_as_created
from .models import Language, Resource, ResourceType

# Each topic as a title names it, and after "domaine" (French) or "Bereich" (German).
TOPICS = {
    "fr": {
        "construction": ("construction et bâtiments", "de la construction et des bâtiments"),
        "education": ("éducation", "de l'éducation"),
        "energy": ("énergie", "de l'énergie"),
        "environment": ("environnement et climat", "de l'environnement et du climat"),
        "health": ("santé et action sociale", "de la santé et de l'action sociale"),
        "ict": ("TIC et services numériques", "des TIC et des services numériques"),
        "public-administration": ("administration publique", "de l'administration publique"),
        "security": ("sûreté et sécurité", "de la sûreté et de la sécurité"),
        "transport": ("transports et mobilité", "des transports et de la mobilité"),
        "water": ("eau et assainissement", "de l'eau et de l'assainissement"),
    },
    "de": {
        "construction": ("Bau und Gebäude", "Bau und Gebäude"),
        "education": ("Bildung", "Bildung"),
        "energy": ("Energie", "Energie"),
        "environment": ("Umwelt und Klima", "Umwelt und Klima"),
        "health": ("Gesundheit und Pflege", "Gesundheit und Pflege"),
        "ict": ("IKT und digitale Dienste", "IKT und digitale Dienste"),
        "public-administration": ("öffentliche Verwaltung", "öffentliche Verwaltung"),
        "security": ("Sicherheit", "Sicherheit"),
        "transport": ("Verkehr und Mobilität", "Verkehr und Mobilität"),
        "water": ("Wasser und Abwasser", "Wasser und Abwasser"),
    },
}
# Each procurement type, and (German) after "zur" or "einer".
PROCUREMENT = {
    "fr": {
        "ppi": ("achat public innovant",) * 2,
        "pcp": ("achat public avant commercialisation",) * 2,
    },
    "de": {
        "ppi": ("innovative Beschaffung", "innovativen Beschaffung"),
        "pcp": ("vorkommerzielle Auftragsvergabe", "vorkommerziellen Auftragsvergabe"),
    },
}
# The English demo's templates (resources/demo.py, KINDS), in each language.
KINDS = {
    "fr": {
        ResourceType.POLICY: (
            "Stratégie nationale d'achat public innovant : {topic}",
            "Cette stratégie fixe les objectifs et les responsabilités de l'achat de "
            "solutions innovantes dans le domaine {topic_of}.",
        ),
        ResourceType.GUIDANCE: (
            "Guide pas à pas de l'{proc} : {topic}",
            "Ce guide accompagne les acheteurs dans la préparation, la passation et "
            "l'évaluation d'un {proc} dans le domaine {topic_of}.",
        ),
        ResourceType.CASE_STUDY: (
            "Étude de cas : {proc} d'une collectivité régionale ({topic})",
            "Comment une collectivité régionale a répondu à un besoin dans le domaine "
            "{topic_of} par un {proc}, et ce qu'elle en a appris (pays : {country}).",
        ),
        ResourceType.PROJECT: (
            "Groupement d'acheteurs pour des solutions innovantes : {topic}",
            "Ce projet réunit des acheteurs publics de plusieurs pays pour acheter ensemble "
            "des solutions innovantes dans le domaine {topic_of}.",
        ),
        ResourceType.REPORT: (
            "Étude de marché : les fournisseurs sont-ils prêts ? ({topic})",
            "Cette étude analyse dans quelle mesure les fournisseurs sont prêts à répondre "
            "aux marchés innovants dans le domaine {topic_of} (pays étudié : {country}).",
        ),
        ResourceType.LEGAL_TEXT: (
            "Règles de la commande publique applicables à l'innovation : {topic}",
            "Ce texte présente les dispositions applicables lorsque des acheteurs publics "
            "achètent de l'innovation dans le domaine {topic_of}.",
        ),
        ResourceType.TRAINING: (
            "Module de formation : l'{proc} ({topic})",
            "Un cours à suivre à son rythme, avec des exercices sur l'{proc}, pour les "
            "acheteurs travaillant dans le domaine {topic_of}.",
        ),
        ResourceType.LINK: (
            "Portail des défis d'innovation : {topic}",
            "Ce portail recense les défis ouverts dans lesquels des acheteurs publics "
            "décrivent au marché leurs besoins dans le domaine {topic_of}.",
        ),
    },
    "de": {
        ResourceType.POLICY: (
            "Nationale Strategie für innovative Beschaffung: {topic}",
            "Die Strategie legt Ziele und Zuständigkeiten für die Beschaffung innovativer "
            "Lösungen im Bereich {topic_of} fest.",
        ),
        ResourceType.GUIDANCE: (
            "Schritt für Schritt zur {proc_after}: {topic}",
            "Der Leitfaden begleitet öffentliche Auftraggeber bei Vorbereitung, Durchführung "
            "und Auswertung einer {proc_after} im Bereich {topic_of}.",
        ),
        ResourceType.CASE_STUDY: (
            "Fallstudie: {proc} einer Region ({topic})",
            "Wie eine regionale Behörde in {country} einen Bedarf im Bereich {topic_of} "
            "durch {proc} gedeckt hat und was sie dabei gelernt hat.",
        ),
        ResourceType.PROJECT: (
            "Einkaufsgemeinschaft für innovative Lösungen: {topic}",
            "Das Projekt bringt öffentliche Auftraggeber aus mehreren Ländern zusammen, um "
            "innovative Lösungen im Bereich {topic_of} gemeinsam zu beschaffen.",
        ),
        ResourceType.REPORT: (
            "Marktstudie: Wie bereit sind die Anbieter? ({topic})",
            "Die Studie untersucht, wie gut Anbieter in {country} auf innovative "
            "Ausschreibungen im Bereich {topic_of} antworten können.",
        ),
        ResourceType.LEGAL_TEXT: (
            "Vergaberegeln für die Beschaffung von Innovationen: {topic}",
            "Der Text stellt die Vorschriften dar, die gelten, wenn öffentliche Auftraggeber "
            "Innovationen im Bereich {topic_of} beschaffen.",
        ),
        ResourceType.TRAINING: (
            "Schulungsmodul: {proc} ({topic})",
            "Ein Kurs im eigenen Tempo mit Übungen zur {proc_after} für Beschaffungsstellen "
            "im Bereich {topic_of}.",
        ),
        ResourceType.LINK: (
            "Portal für Innovationswettbewerbe: {topic}",
            "Das Portal listet offene Wettbewerbe, in denen öffentliche Auftraggeber dem "
            "Markt ihre Bedarfe im Bereich {topic_of} beschreiben.",
        ),
    },
}
# Resources first written in French or German: (title, summary, body, type,
# topics, countries, procurement types, publisher, publication date).
ORIGINALS = {
    "fr": [
        (
            "Achats innovants sans publicité ni mise en concurrence jusqu'à 100 000 euros",
            "Le code de la commande publique permet de passer un marché innovant de moins "
            "de 100 000 euros HT sans publicité ni mise en concurrence préalables.",
            "<p>L'article R2122-9-1 du code de la commande publique ouvre aux acheteurs une "
            "procédure simplifiée pour les travaux, fournitures et services innovants. Cette "
            "fiche explique comment démontrer le caractère innovant de l'achat, choisir une "
            "offre pertinente et bien utiliser les deniers publics.</p>",
            ResourceType.GUIDANCE, ["public-administration", "ict"], ["FR"], ["ppi"],
            "Centre national de compétence pour l'achat innovant", datetime.date(2022, 3, 14),
        ),
        (
            "Le partenariat d'innovation, mode d'emploi",
            "Le partenariat d'innovation permet d'acheter, dans un même marché, la recherche "
            "et le développement d'une solution puis les fournitures qui en résultent.",
            "<p>Cette procédure, prévue par le code de la commande publique, convient lorsque "
            "aucune solution disponible sur le marché ne répond au besoin. Le guide décrit les "
            "phases du partenariat, les objectifs intermédiaires et la rémunération des "
            "partenaires.</p>",
            ResourceType.GUIDANCE, ["health", "ict"], ["FR", "BE"], ["ppi"],
            "Agence régionale de développement", datetime.date(2021, 9, 30),
        ),
        (
            "Les achats avant commercialisation dans les marchés publics européens",
            "Acheter des services de recherche et de développement en plusieurs phases "
            "concurrentielles, avant que la solution n'arrive sur le marché.",
            "<p>L'achat public avant commercialisation partage les risques et les bénéfices "
            "entre l'acheteur et plusieurs fournisseurs, de l'exploration de solutions au "
            "prototype puis aux premiers produits testés. Cette note en présente le cadre "
            "européen et les conditions de l'exemption des services de R&amp;D.</p>",
            ResourceType.POLICY, ["energy", "environment"], ["EU"], ["pcp"],
            "Commission européenne", datetime.date(2020, 6, 2),
        ),
        (
            "Consultation du marché : dialoguer avec les fournisseurs avant l'appel d'offres",
            "Sourcing, questionnaires et journées fournisseurs : préparer un marché innovant "
            "en connaissant l'état de l'art.",
            "<p>L'acheteur peut consulter les entreprises avant de lancer une procédure, à "
            "condition de garantir l'égalité de traitement. Cette fiche rassemble les bonnes "
            "pratiques et les pièges à éviter.</p>",
            ResourceType.TRAINING, ["transport", "construction"], ["FR", "LU"], ["ppi", "pcp"],
            "Association des acheteurs publics", datetime.date(2023, 11, 8),
        ),
    ],
    "de": [
        (
            "Leitfaden innovative öffentliche Beschaffung",
            "Wie Vergabestellen Innovationen gezielt nachfragen: von der Bedarfsanalyse bis "
            "zur Zuschlagserteilung.",
            "<p>Der Leitfaden zeigt, wie funktionale Leistungsbeschreibungen, "
            "Nebenangebote und Zuschlagskriterien jenseits des niedrigsten Preises die "
            "Beschaffung innovativer Produkte und Dienstleistungen ermöglichen. Er verweist "
            "auf die Beratung durch das Kompetenzzentrum innovative Beschaffung (KOINNO).</p>",
            ResourceType.GUIDANCE, ["public-administration", "energy"], ["DE"], ["ppi"],
            "Kompetenzzentrum für innovative Beschaffung", datetime.date(2021, 4, 20),
        ),
        (
            "Die Innovationspartnerschaft nach § 119 GWB",
            "Entwicklung und Kauf einer noch nicht am Markt verfügbaren Lösung in einem "
            "einzigen Vergabeverfahren.",
            "<p>Die Innovationspartnerschaft verbindet Forschung und Entwicklung mit dem "
            "anschließenden Erwerb der Leistungen. Die Arbeitshilfe erläutert Phasen, "
            "Zwischenziele und die Vergütung der Partner.</p>",
            ResourceType.LEGAL_TEXT, ["health", "ict"], ["DE", "AT"], ["ppi"],
            "Ministerium für Wirtschaft", datetime.date(2022, 7, 1),
        ),
        (
            "Vorkommerzielle Auftragsvergabe in Städten und Gemeinden",
            "Forschungs- und Entwicklungsleistungen in Wettbewerbsphasen vergeben: "
            "Erfahrungen aus kommunalen Beschaffungen.",
            "<p>Bei der vorkommerziellen Auftragsvergabe entwickeln mehrere Anbieter "
            "parallel Lösungen, die die Stadt schrittweise bewertet. Die Studie beschreibt "
            "drei Vorhaben aus Mobilität und Wasserwirtschaft.</p>",
            ResourceType.CASE_STUDY, ["transport", "water"], ["DE", "AT"], ["pcp"],
            "Städtische Beschaffungsstelle", datetime.date(2023, 2, 15),
        ),
        (
            "Markterkundung vor der Ausschreibung nach § 28 VgV",
            "Was öffentliche Auftraggeber vor einem Vergabeverfahren mit Unternehmen "
            "besprechen dürfen, und wie sie dabei den Wettbewerb wahren.",
            "<p>Die Markterkundung hilft, den Bedarf realistisch zu beschreiben und "
            "innovative Angebote zu ermöglichen. Die Schulung enthält Checklisten für "
            "Anbietertage und schriftliche Befragungen.</p>",
            ResourceType.TRAINING, ["construction", "security"], ["DE"], ["ppi", "pcp"],
            "Verband öffentlicher Auftraggeber", datetime.date(2024, 5, 6),
        ),
    ],
}  # fmt: skip
TRANSLATED = range(1, len(ResourceType.choices) + 1)  # the English demo's "no. 1" to "no. 8"


class TranslatedResourceDemoLoader:
    def __init__(self, log=print):
        self.log = log

    def run(self):
        created = 0
        for code in ("fr", "de"):
            locale = Locale.objects.get_or_create(language_code=code)[0]
            created += self.translations(locale) + self.originals(locale)
        self.log(f"French and German demo resources ready ({created} created).")

    def translations(self, locale):
        code = locale.language_code
        english = Resource.objects.filter(locale=Locale.get_default())
        topics = list(Topic.objects.order_by("slug"))
        countries = list(Country.objects.order_by("code"))
        created = 0
        for number in TRANSLATED:
            source = english.filter(title__endswith=f", no. {number})").first()
            if source is None or source.get_translation_or_none(locale):
                continue
            index = number - 1  # as the English demo numbers them from 0
            topic, country = topics[index % len(topics)], countries[index % len(countries)]
            procurement = sorted(source.procurement_types.values_list("slug", flat=True))
            with override(code):  # the country's name as that language's pages show it
                country_name = country.shown_name
            words = {
                "topic": TOPICS[code].get(topic.slug, (topic.name,) * 2)[0],
                "topic_of": TOPICS[code].get(topic.slug, (topic.name,) * 2)[1],
                "country": country_name,
                "proc": PROCUREMENT[code][procurement[0]][0],
                "proc_after": PROCUREMENT[code][procurement[0]][1],
            }
            title, summary = KINDS[code][source.resource_type]
            translation = source.copy_for_translation(locale)
            translation.title = re.sub(r"\s+", " ", title.format(**words))
            translation.summary = summary.format(**words)
            translation.body = f"<p>{translation.summary}</p>"
            translation.live = True
            translation.save()
            for relation in ("topics", "countries", "procurement_types"):
                getattr(translation, relation).set(getattr(source, relation).all())
            translation.languages.set(Language.objects.filter(code=code))
            translation.tags.add(topic.slug, source.resource_type)
            publish_as_created(translation)
            created += 1
        return created

    def originals(self, locale):
        code = locale.language_code
        created = 0
        for title, summary, body, kind, topics, countries, procs, publisher, date in ORIGINALS[
            code
        ]:
            slug = slugify(title)[:200]
            if Resource.objects.filter(locale=locale, slug=slug).exists():
                continue
            resource = Resource(
                locale=locale,
                title=title,
                slug=slug,
                summary=summary,
                body=body,
                resource_type=kind,
                publisher=publisher,
                publication_date=date,
                live=True,
            )
            resource.save()
            resource.topics.set(Topic.objects.filter(slug__in=topics))
            resource.countries.set(Country.objects.filter(code__in=countries))
            resource.languages.set(Language.objects.filter(code=code))
            resource.procurement_types.set(ProcurementType.objects.filter(slug__in=procs))
            resource.tags.add(*topics, kind)
            publish_as_created(resource)
            created += 1
        return created
