"""What API v3 says about a page of resources, loaded in a fixed number of
small queries: the terms' labels come from the cache (resources/taxonomies.py),
the four link tables are read in one query.

Django's prefetch machinery spent about 10 ms per page of 20 on the six
relations an API item carries (each related manager builds a queryset per
resource); a list search on the engine takes about 40 ms in all, so that was a
quarter of it (bench/README.md). Reading the link tables as plain values costs
a fraction of that, and gives ninja plain dicts to validate.
"""

from django.db import connection
from django.utils import translation
from wagtail.documents import get_document_model

from cms.absolute_urls import absolute_url, site_root_url
from cms.api_references import References
from cms.locales import language_codes

from . import taxonomies
from .models import Resource, ResourceTag, ResourceType


def taxonomy_values(pks):
    """{field: {resource pk: [{"value", "label"}, ...]}} for the four
    taxonomies: one statement over their link tables, labels from the cache
    as stored (resource_data shows them in each item's language)."""
    if not pks:
        return values_of_links(pks, [])
    with connection.cursor() as cursor:
        cursor.execute(*links_statement(pks))
        return values_of_links(pks, cursor.fetchall())


def links_statement(pks):
    """The (resource pk, relation, term pk) rows of the resources `pks` in
    every taxonomy's link table: one UNION ALL, its text written from the
    models' meta. The ORM built the same statement from four querysets and a
    union in about 1.7 ms of every page of results (bench/README.md)."""
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(pks))
    selects, params = [], []
    for relation in taxonomies.RELATIONS:
        field = Resource._meta.get_field(relation)
        resource, term = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
        table = quote(field.remote_field.through._meta.db_table)
        # Only names from the models' meta in the text; every value is a parameter.
        select = f"SELECT {resource}, %s, {term} FROM {table} WHERE {resource} IN ({marks})"  # noqa: S608
        selects.append(select)
        params += [relation, *pks]
    return " UNION ALL ".join(selects), params


def held_taxonomy_values(resource):
    """taxonomy_values for one resource as it holds its terms in memory (a
    draft rebuilt from a revision or a preview), not as the database has them."""
    links = [
        (resource.pk, relation, term.pk)
        for relation in taxonomies.RELATIONS
        for term in getattr(resource, relation).all()
    ]
    return values_of_links([resource.pk], links)


def values_of_links(pks, links):
    """taxonomy_values' answer from (resource pk, relation, term pk) links."""
    found = {relation: {pk: [] for pk in pks} for relation in taxonomies.RELATIONS}
    # Each table read once: the cache hands out a fresh copy on every get.
    tables = {relation: taxonomies.terms(relation) for relation in taxonomies.RELATIONS}
    for pk, relation, term_pk in links:
        if term_pk not in tables[relation]:  # newer than the cache: read it afresh, once
            taxonomies.term(relation, term_pk)
            tables[relation] = taxonomies.terms(relation)
        term = tables[relation][term_pk]
        found[relation][pk].append(term)
    return {
        relation: {
            pk: [
                {"value": value, "label": label}
                for value, label, _ in sorted(rows, key=lambda row: row[2])
            ]
            for pk, rows in by_resource.items()
        }
        for relation, by_resource in found.items()
    }


def type_labels_in(language):
    with translation.override(language):
        return {value: str(label) for value, label in ResourceType.choices}


def labellers_in(language):
    """{relation: function of a term's (value, stored label)} in `language`."""
    with translation.override(language):
        return {relation: taxonomies.shown_labels(relation) for relation in taxonomies.RELATIONS}


def shown_terms(terms, pk, labellers):
    """One resource's terms from taxonomy_values, labelled by `labellers`."""
    return {
        relation: [
            {"value": item["value"], "label": labellers[relation](item["value"], item["label"])}
            for item in values[pk]
        ]
        for relation, values in terms.items()
    }


def resource_data(resources, request, highlights=None, terms=None):
    """The API representation of `resources`: a fixed number of queries
    whatever their number (terms, tags, files, then each kind the bodies and
    thumbnails refer to). `terms` replaces the stored terms (a draft's)."""
    pks = [resource.pk for resource in resources]
    terms = terms or taxonomy_values(pks)
    tags = {pk: [] for pk in pks}
    for pk, name, slug in ResourceTag.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag__name", "tag__slug"
    ):
        tags[pk].append({"slug": slug, "name": name})
    documents = get_document_model().objects.in_bulk(
        {resource.document_id for resource in resources if resource.document_id}
    )
    references = References.for_request(request)
    for resource in resources:
        references.want("image", resource.thumbnail_id)
        references.want_rich_text(resource.body)
    highlights = highlights or {}
    site = site_root_url(request)
    locales = language_codes({resource.locale_id for resource in resources})
    # An item's labels are in its own language, as its page shows them. Once
    # per language, not per item: get_FOO_display() rebuilds (and hashes) the
    # choices on every call.
    languages = set(locales.values())
    type_labels = {language: type_labels_in(language) for language in languages}
    labellers = {language: labellers_in(language) for language in languages}
    return [
        {
            "id": resource.pk,
            "title": resource.title,
            "slug": resource.slug,
            "locale": locales[resource.locale_id],
            "html_url": site + resource.get_url(),
            "summary": resource.summary,
            "body": references.rich_text(resource.body),
            "thumbnail": references.image(resource.thumbnail_id),
            "resource_type": {
                "value": resource.resource_type,
                "label": type_labels[locales[resource.locale_id]].get(
                    resource.resource_type, resource.resource_type
                ),
            },
            **shown_terms(terms, resource.pk, labellers[locales[resource.locale_id]]),
            "publisher": resource.publisher,
            "publication_date": resource.publication_date,
            "file_url": (
                absolute_url(documents[resource.document_id].url, request)
                if resource.document_id in documents
                else None
            ),
            "external_url": resource.external_url,
            "tags": sorted(tags[resource.pk], key=lambda tag: tag["name"]),
            "featured": resource.featured,
            "highlight": highlights.get(resource.pk),
        }
        for resource in resources
    ]
