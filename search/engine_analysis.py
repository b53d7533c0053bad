"""The engine's part of the editors' synonyms (search/synonyms.py): a synonym
filter in the search-time analysis of every index the site makes, and a
rebuild that brings a change to the indices without downtime.

An index's analysis is fixed when it is made (changing it means closing the
index, which stops its searches; reloading synonyms in place is a paid or
plugin feature), so a change reaches the engine through a new index: built
beside the old one, then put behind the alias in one atomic request.

The analysis comes from an index template over the site's index names, so
every index made from then on has it, whoever makes it (`update_index`, the
first document of a new model, the tests). Its `default_search` analyzer is
the standard analyzer (standard tokenizer, lowercase) plus the synonym
filter: text fields without an analyzer of their own search with it, and index
with the standard analyzer as before. OpenSearch 2 and Elasticsearch 7.10 have
both (composable templates, synonym_graph, the aliases API's remove_index).
"""

from wagtail.search.index import get_indexed_models

from search import engine_client
from search.languages import (
    ENGINE_ANALYSIS,
    TEXT_LANGUAGES,
    engine_search_analyzer,
    language_filters,
)
from search.models import current_groups
from search.synonyms import engine_rules

SYNONYM_FILTER = "site_synonyms"


def template_name(backend):
    return f"{backend.index_prefix}synonyms"


def search_analysis(groups):
    """The search-time analyzers: `default_search` for text fields without an
    analyzer of their own, and each language's (the sub-fields a search in a
    locale matches, search/languages.py), each with the synonym filter."""
    synonyms = [SYNONYM_FILTER] if groups else []
    # A template must hold every filter its analyzers name: the languages'
    # (which the index's own settings define too, alike) and the synonyms'.
    analysis = {"filter": dict(ENGINE_ANALYSIS["filter"])}
    if groups:
        analysis["filter"][SYNONYM_FILTER] = {
            "type": "synonym_graph",
            "synonyms": engine_rules(groups),
        }
    analyzers = {"default_search": ["lowercase", *synonyms]}
    for name in TEXT_LANGUAGES.values():
        before, after = language_filters(name)
        analyzers[engine_search_analyzer(name)] = [*before, *synonyms, *after]
    analysis["analyzer"] = {
        name: {"type": "custom", "tokenizer": "standard", "filter": filters}
        for name, filters in analyzers.items()
    }
    return {"analysis": analysis}


def put_template(backend, groups=None):
    """The template that gives indices made from now on the synonyms in
    `groups` (the editors' by default)."""
    groups = current_groups() if groups is None else groups
    # The site's indices by name, each with the suffixed copies a rebuild makes:
    # not the bare prefix, which may be empty, or the start of another site's.
    names = {backend.get_index_for_model(model).name for model in get_indexed_models()}
    template = {
        "index_patterns": sorted(f"{name}*" for name in names),
        "template": {"settings": search_analysis(groups)},
    }
    engine_client.put_index_template(backend, template_name(backend), template)


def empty_index(backend, model):
    """`model`'s index emptied and made again as `update_index` makes it: after
    the template, whose search analyzers its mapping names (an index made
    without them is refused). For the tests and the benchmarks."""
    index = backend.get_index_for_model(model)
    # `update_index` leaves an alias over a suffixed index: remove both kinds.
    backend.es.indices.delete(index=f"{index.name}*", ignore=[404])
    put_template(backend)
    index.put()
    index.add_model(model)
    return index


def synonyms_in_index(backend, index_name):
    """The synonym rules the index searches with (for checks and tests)."""
    settings = backend.es.indices.get_settings(index=index_name)
    for index in settings.values():
        analysis = index["settings"]["index"].get("analysis", {})
        return analysis.get("filter", {}).get(SYNONYM_FILTER, {}).get("synonyms", [])
    return []


def atomic_rebuilder(backend):
    """Wagtail's rebuilder (a new index beside the old one, filled, then put
    behind the alias), with the alias moved in one request: Wagtail adds the
    alias to the new index and then deletes the old one, so for a moment
    searches read both and find everything twice; and the first rebuild over
    an index of the alias's name deletes it before the alias exists."""

    class AtomicAliasSwap(backend.atomic_rebuilder_class):
        def finish(self):
            self.index.refresh()
            alias = self.alias.name
            old = (
                [index.name for index in self.alias.aliased_indices()]
                if self.alias.is_alias()
                else []
            )
            actions = [{"remove": {"index": name, "alias": alias}} for name in old]
            if not old and self.alias.exists():
                actions.append({"remove_index": {"index": alias}})
            actions.append({"add": {"index": self.index.name, "alias": alias}})
            engine_client.update_aliases(backend, actions)
            for name in old:
                if name != self.index.name:
                    backend.es.indices.delete(index=name)

    return AtomicAliasSwap
