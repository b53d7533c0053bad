"""Fill the benchmark database with N published resources and index them.

    python bench/generate.py 10000 [--seed 2026] [--batch 5000]

Creates the database named by BENCH_DATABASE_URL if it is missing, migrates it,
empties the Resource Centre, bulk-inserts N resources with skewed facet
distributions (bench/corpus.py), then builds Wagtail's database search index and,
when SEARCH_URL is set, the OpenSearch index (prefix BENCH_INDEX_PREFIX, default
bench_), and the Elasticsearch one when ELASTICSEARCH_URL is, timing each in
resources per second. Writes bench/results/generate-N.json.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

RESULTS = ROOT / "bench" / "results"
INDEX_CHUNK = 1000  # what `update_index` uses


def log(message):
    print(f"[generate {time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def ensure_database():
    """Create the benchmark's own database; never touches any other."""
    from django.conf import settings

    from cms.postgres import create_database

    db = settings.DATABASES["default"]
    if create_database(db, if_missing=True):
        log(f"created database {db['NAME']}")


def migrate():
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated in {time.perf_counter() - started:.1f} s")


def empty_resource_centre():
    from django.db import connection
    from taggit.models import Tag
    from wagtail.search.models import IndexEntry

    from resources.models import Resource

    tables = [Resource._meta.db_table, Tag._meta.db_table, IndexEntry._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def taxonomies():
    from bench.corpus import COUNTRY_ORDER, LANGUAGE_ORDER, TOPICS
    from home.models import Country, ProcurementType, Topic
    from resources.models import Language

    for slug, name in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    countries = {country.code: country for country in Country.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    return {
        "topics": [topics[slug] for slug, _ in TOPICS],
        "countries": [countries[code] for code in COUNTRY_ORDER if code in countries],
        "languages": [languages[code] for code in LANGUAGE_ORDER if code in languages],
        "procurement": {item.slug: item for item in ProcurementType.objects.all()},
    }


class ResourceFactory:
    """Draws one resource at a time: its fields and its relations."""

    def __init__(self, rng, terms):
        from bench import corpus

        self.rng = rng
        self.terms = terms
        self.topics = corpus.Sampler(
            rng, terms["topics"], corpus.zipf_weights(len(terms["topics"]))
        )
        self.countries = corpus.Sampler(
            rng, terms["countries"], corpus.zipf_weights(len(terms["countries"]), 1.1)
        )
        self.languages = corpus.Sampler(
            rng, terms["languages"], corpus.zipf_weights(len(terms["languages"]), 1.4)
        )
        self.types = corpus.Sampler(rng, corpus.TYPE_WEIGHTS, corpus.TYPE_WEIGHTS.values())
        self.years = corpus.Sampler(rng, corpus.YEARS, corpus.year_weights())
        self.tags = corpus.Sampler(rng, corpus.TAGS, corpus.zipf_weights(len(corpus.TAGS), 0.8))
        self.corpus = corpus

    def count(self, weights):
        return self.rng.choices(range(len(weights)), weights=weights)[0]

    def draw(self, number):
        c, rng = self.corpus, self.rng
        topics = self.topics.distinct(1 + self.count([60, 30, 10]))
        countries = self.countries.distinct(1 + self.count([75, 25]))
        languages = self.languages.distinct(1 + self.count([70, 30]))
        ppi, pcp = self.terms["procurement"]["ppi"], self.terms["procurement"]["pcp"]
        procurement = rng.choices([[ppi, pcp], [ppi], [pcp]], weights=[20, 45, 35])[0]
        resource_type = self.types.one()
        year = self.years.one()
        place = "Europe" if countries[0].code == "EU" else countries[0].name
        activity, activity2 = rng.sample(c.ACTIVITIES, 2)
        solution = rng.choice(c.SOLUTIONS[topics[0].slug])
        words = {
            "activity": activity,
            "Activity": c.capitalise(activity),
            "activity2": activity2,
            "solution": solution,
            "Solution": c.capitalise(solution),
            "buyer": rng.choice(c.BUYERS),
            "country": place,
            "topic": topics[0].name.lower(),
            "type": resource_type.replace("-", " "),
            "year": year,
            "year0": year - rng.randint(1, 4),
        }
        title = rng.choice(c.TITLE_PATTERNS).format(**words)
        summary = " ".join(
            sentence.format(**words)
            for sentence in rng.sample(c.SUMMARY_SENTENCES, rng.randint(2, 3))
        )
        body = "".join(
            f"<p>{sentence}</p>" for sentence in rng.sample(c.BODY_SENTENCES, rng.randint(2, 5))
        )
        publisher = (
            "European Commission"
            if place == "Europe"
            else f"{rng.choice(c.PUBLISHER_KINDS)}, {place}"
        )
        fields = {
            "title": title,
            "summary": summary,
            "body": body,
            "resource_type": resource_type,
            "publisher": publisher,
            "publication_date": c.publication_date(rng, year),
            "publication_year": year,
            "external_url": f"https://example.org/resources/{number}" if rng.random() < 0.6 else "",
            "featured": rng.random() < 0.01,
        }
        relations = {
            "topics": topics,
            "countries": countries,
            "languages": languages,
            "procurement_types": procurement,
        }
        tags = self.tags.distinct(self.count([30, 35, 25, 10]))
        return fields, relations, tags


def generate(count, seed, batch_size):
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag
    from wagtail.models import Locale

    from bench.corpus import TAGS
    from resources.models import Resource, ResourceTag

    rng = random.Random(seed)  # noqa: S311 repeatable data, not secrets
    terms = taxonomies()
    factory = ResourceFactory(rng, terms)
    tags = {tag.name: tag for tag in Tag.objects.bulk_create([Tag(name=t, slug=t) for t in TAGS])}
    locale = Locale.get_default()
    now = timezone.now()
    through = {
        name: (getattr(Resource, name).through, column)
        for name, column in (
            ("topics", "topic_id"),
            ("countries", "country_id"),
            ("languages", "language_id"),
            ("procurement_types", "procurementtype_id"),
        )
    }
    started = time.perf_counter()
    for first in range(0, count, batch_size):
        drawn = [factory.draw(number) for number in range(first, min(count, first + batch_size))]
        with transaction.atomic():
            resources = Resource.objects.bulk_create(
                [
                    Resource(
                        locale=locale,
                        slug=f"{slugify(fields['title'])[:200]}-{first + offset + 1}",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        **fields,
                    )
                    for offset, (fields, _, _) in enumerate(drawn)
                ]
            )
            rows = {name: [] for name in through}
            tag_rows = []
            for resource, (_, relations, tag_names) in zip(resources, drawn, strict=True):
                for name, objects in relations.items():
                    model, column = through[name]
                    rows[name].extend(
                        model(resource_id=resource.pk, **{column: obj.pk}) for obj in objects
                    )
                tag_rows.extend(
                    ResourceTag(content_object_id=resource.pk, tag_id=tags[name].pk)
                    for name in tag_names
                )
            for name, (model, _) in through.items():
                model.objects.bulk_create(rows[name], batch_size=10_000)
            ResourceTag.objects.bulk_create(tag_rows, batch_size=10_000)
        done = first + len(drawn)
        elapsed = time.perf_counter() - started
        log(f"created {done:>7}/{count} resources ({done / elapsed:,.0f}/s)")
    return time.perf_counter() - started


def chunks(queryset, size):
    """Keyset pagination: each chunk costs the same however deep it is."""
    last = 0
    while True:
        loaded = time.perf_counter()
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not chunk:
            return
        last = chunk[-1].pk
        yield chunk, time.perf_counter() - loaded


# modelsearch prefetches none of a ClusterableModel's ParentalManyToManyFields
# (RelatedFields.select_on_queryset skips them), so as the code stands every
# resource costs four queries per pass over its fields: 4 for the engine's
# document, 20 for the database backend's five columns. The benchmark builds the
# indices with them prefetched (the fix it proposes for
# Resource.get_indexed_objects) and measures the code as it stands on a sample.
PARENTAL_RELATIONS = ("topics", "countries", "languages", "procurement_types")
AS_IS_SAMPLE = 5000


def indexed_objects(prefetch):
    from resources.models import Resource

    queryset = Resource.get_indexed_objects()
    return queryset.prefetch_related(*PARENTAL_RELATIONS) if prefetch else queryset


def build_index(label, backend, queryset, count):
    """Index `queryset` as `update_index` does: 1,000 indexed objects at a time."""
    from resources.models import Resource

    loading = indexing = 0.0
    done = 0
    started = time.perf_counter()
    for chunk, load_seconds in chunks(queryset, INDEX_CHUNK):
        loading += load_seconds
        sent = time.perf_counter()
        backend.add_bulk(Resource, chunk)
        indexing += time.perf_counter() - sent
        done += len(chunk)
        if done % 10_000 == 0 or done == count:
            elapsed = time.perf_counter() - started
            log(f"{label}: indexed {done:>7}/{count} ({done / elapsed:,.0f}/s)")
    seconds = time.perf_counter() - started
    return {
        "documents": done,
        "load_seconds": round(loading, 2),
        "index_seconds": round(indexing, 2),
        "seconds": round(seconds, 2),
        "per_second": round(done / seconds),
    }


def as_is_sample(label, backend, count):
    """The code as it stands, on the newest AS_IS_SAMPLE resources of the full
    corpus (re-indexed in place: same documents, same index size)."""
    from resources.models import Resource

    size = min(count, AS_IS_SAMPLE)
    first = Resource.objects.order_by("-pk").values_list("pk", flat=True)[size - 1]
    queryset = indexed_objects(prefetch=False).filter(pk__gte=first)
    result = build_index(f"{label} as the code stands", backend, queryset, size)
    log(f"{label} as the code stands: {result['per_second']:,} resources/s")
    return result


def index_database(count):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    result = build_index("database", backend, indexed_objects(prefetch=True), count)
    log(f"database index: {result['per_second']:,} resources/s")
    result["as_is"] = as_is_sample("database", backend, count)
    return result


def index_engine(count, alias="engine", name="opensearch"):
    """Build the index of engine `name`, the backend `alias` (bench/settings.py)."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    from resources.models import Resource
    from search.engine_analysis import put_template
    from search.index_maintenance import merge_segments

    if alias not in settings.WAGTAILSEARCH_BACKENDS:
        log(f"no {name} node configured: no {name} index")
        return None
    backend = get_search_backend(alias)
    index = backend.get_index_for_model(Resource)
    assert index.name.startswith(settings.INDEX_PREFIX), index.name
    started = time.perf_counter()
    put_template(backend)  # the search analyzers the mapping names
    index.reset()
    index.add_model(Resource)
    result = build_index(f"{name} {index.name}", backend, indexed_objects(True), count)
    refreshed = time.perf_counter()
    index.refresh()
    result["refresh_seconds"] = round(time.perf_counter() - refreshed, 2)
    merged = time.perf_counter()
    merge_segments(backend)
    result["merge_seconds"] = round(time.perf_counter() - merged, 2)
    # The whole build as update_index does it: creating the index and its
    # mapping, adding, refreshing, merging the segments.
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["per_second"] = round(result["documents"] / result["seconds"])
    result["index"] = index.name
    stored = backend.es.count(index=index.name)["count"]
    if stored != count:
        raise RuntimeError(f"{index.name} holds {stored} documents, expected {count}")
    log(f"{name} index: {result['per_second']:,} resources/s")
    result["as_is"] = as_is_sample(name, backend, count)
    # Searches are measured on the index update_index leaves: one segment.
    merge_segments(backend)
    return result


def analyse():
    """Fresh statistics and visibility map, as autovacuum gives a live database."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    log(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")


def distribution():
    """How skewed the corpus came out: the share of the largest facet values."""
    from django.db.models import Count

    from resources.models import Resource

    def top(lookup, limit=3):
        rows = (
            Resource.objects.values(lookup)
            .annotate(n=Count("pk"))
            .order_by("-n")
            .values_list(lookup, "n")[:limit]
        )
        return [[str(value), n] for value, n in rows]

    return {
        "topic": top("topics__slug"),
        "country": top("countries__code"),
        "language": top("languages__code"),
        "type": top("resource_type"),
        "year": top("publication_year"),
        "both_ppi_and_pcp": Resource.objects.annotate(n=Count("procurement_types"))
        .filter(n=2)
        .count(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    ensure_database()
    migrate()
    empty_resource_centre()
    log(f"generating {args.count} resources in {settings.DATABASES['default']['NAME']}")
    seconds = generate(args.count, args.seed, args.batch)
    analyse()
    database = index_database(args.count)
    engine = index_engine(args.count)
    elasticsearch = index_engine(args.count, "elasticsearch", "elasticsearch")
    analyse()
    from bench.provenance import commit

    result = {
        "commit": commit(),
        "count": args.count,
        "seed": args.seed,
        "generate_seconds": round(seconds, 1),
        "database_index": database,
        "engine_index": engine,
        "elasticsearch_index": elasticsearch,
        "distribution": distribution(),
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"generate-{args.count}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    log(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
