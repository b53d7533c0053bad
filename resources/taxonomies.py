"""The taxonomies a resource is classified by: the one declaration of what
can be filtered, from which the facets (resources/facets.py), the API's
parameters and item fields (resources/api.py), the index's filter fields and
API fields (resources/models.py), the import's columns
(resources/importing/) and the admin's filters (resources/wagtail_hooks.py)
are made. Adding a taxonomy is a many-to-many field on Resource and one entry
in TAXONOMIES.

The terms themselves are kept as plain rows, read once and kept in Django's
cache: every search shows their labels and every API item lists them, while
they change only when an editor edits one of the snippets, which clears the
cache (resources/signals.py). TAXONOMY_CACHE_SECONDS bounds how long another
process's local-memory cache may lag behind; a shared cache (Redis) does not.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from home.term_names import names_now


@dataclass(frozen=True)
class Taxonomy:
    # The Resource's many-to-many field: also its API field and import column.
    relation: str
    # The term model, by label: this module is read while the models load.
    model_label: str
    value: str  # the term's field that is its value in URLs, the API and imports
    label: str  # the term's field a facet shows
    parameter: str  # the query parameter that filters on it (page and API)
    title: str  # the facet's heading
    description: str  # the API parameter's
    # How a value as typed becomes the value as stored (country codes in any case).
    normalize: Callable[[str], str] = str.lower
    # Which names the terms' labels are shown in, in another language
    # (home/term_names.py: "territories", "languages", "topics"); None: as stored.
    names: str | None = None
    # Other fields of a term an import may name it by, after its value and label.
    other_names: tuple[str, ...] = ()
    # A long list: its facet gets a filter box and "show all" on the page, and
    # the API a search of its values (search/facet_values.py); then the box's
    # label and its words when nothing matches (FacetSpec).
    filter_box: bool = False
    filter_label: str = ""
    no_match: str = ""

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def lookup(self):
        """The ORM path to a resource's values, e.g. "topics__slug"."""
        return f"{self.relation}__{self.value}"

    @property
    def import_keys(self):
        """The term's fields an import matches, the value first."""
        return tuple(dict.fromkeys((self.value, self.label, *self.other_names)))


TAXONOMIES = [
    Taxonomy(
        relation="topics",
        filter_box=True,
        model_label="home.Topic",
        value="slug",
        label="name",
        parameter="topic",
        title=_("Topic"),
        filter_label=_("Find a topic"),
        no_match=_("No topic matches."),
        description="Topic slugs (OR)",
        names="topics",
    ),
    Taxonomy(
        relation="countries",
        filter_box=True,
        model_label="home.Country",
        value="code",
        label="name",
        parameter="country",
        title=_("Country"),
        filter_label=_("Find a country"),
        no_match=_("No country matches."),
        description="ISO country codes, in any case; EU for European level (OR)",
        normalize=str.upper,
        names="territories",
    ),
    Taxonomy(
        relation="languages",
        filter_box=True,
        model_label="resources.Language",
        value="code",
        label="name",
        parameter="language",
        title=_("Language"),
        filter_label=_("Find a language"),
        no_match=_("No language matches."),
        description="ISO 639-1 language codes (OR)",
        names="languages",
    ),
    Taxonomy(
        relation="procurement_types",
        model_label="home.ProcurementType",
        value="slug",
        label="abbreviation",
        parameter="procurement",
        title=_("Procurement type"),
        description="Procurement type slugs, e.g. pcp (OR)",
        other_names=("name",),
    ),
]
BY_RELATION = {taxonomy.relation: taxonomy for taxonomy in TAXONOMIES}
RELATIONS = tuple(BY_RELATION)
# The term models, for whoever follows their changes (signals, webhooks):
# resolved on first use, once the models are loaded.
MODELS = SimpleLazyObject(lambda: frozenset(taxonomy.model for taxonomy in TAXONOMIES))


def cache_key(relation):
    return f"resources:taxonomy:{relation}"


def terms(relation):
    """{term pk: (value, label, position)}, position in the model's own order."""
    key = cache_key(relation)
    found = cache.get(key)
    if found is None:
        taxonomy = BY_RELATION[relation]
        rows = taxonomy.model.objects.values_list("pk", taxonomy.value, taxonomy.label)
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


def shown_labels(relation):
    """A function of a term's (value, stored label) giving its label in the
    language shown now (the page's, or the API's locale)."""
    names = BY_RELATION[relation].names
    return names_now(names) if names else lambda _value, label: label


def labels(relation):
    """{value: label}: what a facet shows for each of its values."""
    shown = shown_labels(relation)
    return {value: shown(value, label) for value, label, _position in terms(relation).values()}


def forget(model):
    """Called when a term of `model` changes."""
    cache.delete_many(
        [cache_key(taxonomy.relation) for taxonomy in TAXONOMIES if taxonomy.model is model]
    )
