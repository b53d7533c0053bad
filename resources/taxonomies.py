"""The taxonomies' terms (topics, countries, languages, procurement types) as
plain rows, read once and kept in Django's cache.

Every search shows their labels and every API item lists them, while they
change only when an editor edits one of the snippets, which clears the cache
(resources/signals.py). TAXONOMY_CACHE_SECONDS bounds how long another
process's local-memory cache may lag behind; a shared cache (Redis) does not.
"""

from django.conf import settings
from django.core.cache import cache

from home.models import Country, ProcurementType, Topic

from .models import Language

# Resource's relation -> (term model, the value in URLs and the API, its label)
TAXONOMIES = {
    "topics": (Topic, "slug", "name"),
    "countries": (Country, "code", "name"),
    "languages": (Language, "code", "name"),
    "procurement_types": (ProcurementType, "slug", "abbreviation"),
}
MODELS = {model for model, _value, _label in TAXONOMIES.values()}


def cache_key(relation):
    return f"resources:taxonomy:{relation}"


def terms(relation):
    """{term pk: (value, label, position)}, position in the model's own order."""
    key = cache_key(relation)
    found = cache.get(key)
    if found is None:
        model, value, label = TAXONOMIES[relation]
        rows = model.objects.values_list("pk", value, label)
        found = {pk: (code, name, position) for position, (pk, code, name) in enumerate(rows)}
        cache.set(key, found, settings.TAXONOMY_CACHE_SECONDS)
    return found


def forget_relation(relation):
    cache.delete(cache_key(relation))


def term(relation, pk):
    """One term's (value, label, position); a term newer than this process's
    cache is read afresh rather than missed."""
    found = terms(relation).get(pk)
    if found is None:
        forget_relation(relation)
        found = terms(relation)[pk]
    return found


def labels(relation):
    """{value: label}: what a facet shows for each of its values."""
    return {value: label for value, label, _position in terms(relation).values()}


def forget(model):
    """Called when a term of `model` changes."""
    cache.delete_many(
        [cache_key(relation) for relation, spec in TAXONOMIES.items() if spec[0] is model]
    )
