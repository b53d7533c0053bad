"""Faceted search on an OpenSearch/Elasticsearch node: one request per search.

Wagtail's backend (django-modelsearch) owns the index: its mapping, its
document fields and keeping it current. This module only builds the request:
the text query and the visibility filters come from modelsearch's own query
compiler. A search is two searches sent together (`_msearch`), which the engine
runs side by side: the page of hits (the words and every selection), and the
counts (the words alone, each facet's counts under an aggregation filtered by
every other facet's selection). At 100,000 resources that took the round trip
of a facet-value search (p95) from 30 to 25 ms on OpenSearch and from 42 to 37 ms on
Elasticsearch against one search holding both (bench/README.md).
"""

import time

from wagtail.search.query import MATCH_ALL, Fuzzy

from search import engine_client
from search.backends import search_backend
from search.engine_clauses import multi_matches
from search.engine_languages import highlight_fields, in_language, text_fields
from search.engine_zero_results import engine_help
from search.faceted import Facet, FacetedSearch, SearchPage
from search.languages import analysed_language

ENGINE_ALIAS = "engine"
# After a failure, leave the engine alone for a moment instead of making every
# visitor wait for a time-out; the next request after that tries it again.
RETRY_AFTER_SECONDS = 10
_down_until = 0.0
# Typo tolerance within reason: one typo in words of 4 to 7 letters, two from
# 8 letters (Lucene's AUTO allows one from 3 letters, two from 6, which matches
# many unrelated short words and costs about 15% more per search); none in the
# first letter, where typos are rare and matching them makes every fuzzy
# query several times slower.
FUZZY_OPTIONS = {"fuzziness": "AUTO:4,8", "prefix_length": 1, "max_expansions": 20}


class EngineUnavailable(Exception):
    pass


class EngineFacetedSearch(FacetedSearch):
    def __init__(self, queryset, facets, alias=ENGINE_ALIAS, language=None):
        super().__init__(queryset, facets, language)
        self.backend = search_backend(alias)
        # The sub-fields searched; None (a language without its own analysis):
        # the plain fields, under the standard analyzer.
        self.language_code = analysed_language(language)
        self.highlight_fields = highlight_fields(self.model, self.language_code)
        self.backend_name = (
            "opensearch" if "opensearch" in type(self.backend).__module__ else "elasticsearch"
        )

    def clause(self, spec, values, bounds=None):
        clauses = []
        if values:
            clauses.append({"terms": {spec.engine_field: [spec.cast(value) for value in values]}})
        if bounds:
            lowest, highest = bounds
            limits = {"gte": lowest, "lte": highest}
            clauses.append(
                {"range": {spec.engine_field: {k: v for k, v in limits.items() if v is not None}}}
            )
        clause = clauses[0] if len(clauses) == 1 else {"bool": {"filter": clauses}}
        if spec.engine_nested:
            clause = {"nested": {"path": spec.engine_nested, "query": clause}}
        return clause

    def selections(self, query, exclude=None):
        return [
            self.clause(self.specs[name], query.filters.get(name), query.ranges.get(name))
            for name in self.selected_facets(query)
            if name != exclude
        ]

    def facet_terms(self, spec):
        terms = {"terms": {"field": spec.engine_field, "size": 1000}}
        if spec.engine_nested:
            terms = {"nested": {"path": spec.engine_nested}, "aggs": {"values": terms}}
        return terms

    def aggregations(self, query):
        """One filter aggregation per distinct set of selections, holding the
        terms of every facet counted under it: the unselected facets all count
        under every selection and share one filter; a selected facet counts
        under the others' selections and gets its own. Each filter is worked
        out once instead of once per facet."""
        groups = {}
        selected = self.selected_facets(query)
        for name, spec in self.specs.items():
            excluded = name if name in selected else ""
            groups.setdefault(excluded, []).append(spec)
        return {
            f"under_{index}": {
                "filter": {"bool": {"filter": self.selections(query, exclude=excluded or None)}},
                "aggs": {spec.name: self.facet_terms(spec) for spec in specs},
            }
            for index, (excluded, specs) in enumerate(groups.items())
        }

    def text_query(self, text):
        """The query for `text` within the base (every resource of it without text)."""
        compiler = self.backend.query_compiler_class(
            self.base, Fuzzy(text, operator="and") if text else MATCH_ALL
        )
        compiler.check()
        text_query = tune_fuzziness(compiler.get_query())
        if self.language_code:
            # The words in the locale's own analysis (search/engine_languages.py).
            text_query = in_language(text_query, text_fields(self.model, self.language_code))
        return text_query

    def hits_body(self, query):
        """The page of hits: the words and every selection, sorted, highlighted."""
        body = {
            "query": {
                "bool": {"must": [self.text_query(query.text)], "filter": self.selections(query)}
            },
            "sort": self.sort(query),
            "from": query.start,
            "size": query.page_size,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": ["pk"],
        }
        if query.text:
            body["highlight"] = {
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "fields": {
                    name: {"number_of_fragments": 1, "fragment_size": 200}
                    for name in self.highlight_fields
                },
                "highlight_query": {
                    "multi_match": {
                        "query": query.text,
                        "fields": list(self.highlight_fields),
                        **FUZZY_OPTIONS,
                    }
                },
            }
        return body

    def counts_body(self, query, aggregations):
        """Counts under the words: no hits, so the words are a filter, which is
        not scored; and the engine keeps the answer in its request cache until
        the index changes."""
        return {
            "query": {"bool": {"filter": [self.text_query(query.text)]}},
            "aggs": aggregations,
            "size": 0,
            "track_total_hits": False,
            "_source": False,
        }

    @staticmethod
    def sort(query):
        if query.sort == "title":
            return [{"title_filter": "asc"}, {"id_filter": "asc"}]
        if query.sort == "newest" or not query.text:
            return [
                {"publication_date_filter": {"order": "desc", "missing": "_last"}},
                {"id_filter": "desc"},
            ]
        return ["_score", {"id_filter": "desc"}]

    @property
    def index_name(self):
        return self.backend.get_index_for_model(self.model).name

    def send(self, body):
        return engine_call(lambda: engine_client.search(self.backend, self.index_name, body))

    def send_together(self, *bodies):
        return engine_call(
            lambda: engine_client.multi_search(self.backend, self.index_name, bodies)
        )

    def facet(self, query, name) -> Facet:
        """One facet's values and counts under the query's other selections:
        no hits, one aggregation."""
        self.validate(query)
        spec = self.specs[name]
        body = self.counts_body(
            query,
            {
                "under": {
                    "filter": {"bool": {"filter": self.selections(query, exclude=name)}},
                    "aggs": {name: self.facet_terms(spec)},
                }
            },
        )
        counts = bucket_counts(spec, self.send(body)["aggregations"]["under"][name])
        return self.build_facets(query, {name: counts}, only=name)[0]

    def search(self, query):
        self.validate(query)
        response, counted = self.send_together(
            self.hits_body(query), self.counts_body(query, self.aggregations(query))
        )
        hits = response["hits"]["hits"]
        pks = [int(hit["fields"]["pk"][0]) for hit in hits]
        objects = self.model.objects.in_bulk(pks)
        items = [objects[pk] for pk in pks if pk in objects]
        highlights = {}
        for hit in hits:
            for name in self.highlight_fields:
                fragments = hit.get("highlight", {}).get(name)
                if fragments:
                    highlights[int(hit["fields"]["pk"][0])] = fragments[0]
                    break
        counts = {}
        for group in counted["aggregations"].values():
            for name, spec in self.specs.items():
                if name in group:
                    counts[name] = bucket_counts(spec, group[name])
        page = SearchPage(
            items=items,
            total=response["hits"]["total"]["value"],
            query=query,
            facets=self.build_facets(query, counts),
            backend=self.backend_name,
            highlights=highlights,
        )
        if not page.total and (query.text or self.selections(query)):
            page.suggestions = engine_help(self, query)
        return page


def bucket_counts(spec, aggregation):
    """value -> count from a facet's terms aggregation (facet_terms)."""
    if spec.engine_nested:
        aggregation = aggregation["values"]
    return {str(bucket["key"]): bucket["doc_count"] for bucket in aggregation["buckets"]}


def tune_fuzziness(query):
    """Add FUZZY_OPTIONS to the fuzzy multi_match modelsearch compiles."""
    for match in multi_matches(query):
        if "fuzziness" in match:
            match.update(FUZZY_OPTIONS)
    return query


def engine_call(call):
    """`call()`'s answer; a failure of the engine's client (whichever engine:
    search/engine_client.py) raises EngineUnavailable. One that says the engine
    is down (refused, timed out, a server error) also makes every call for
    RETRY_AFTER_SECONDS fail at once, without trying."""
    global _down_until
    if time.monotonic() < _down_until:
        raise EngineUnavailable("the engine failed moments ago")
    try:
        return call()
    except engine_client.client_errors() as error:  # the engine failed: answer without it
        if not answered(error):
            _down_until = time.monotonic() + RETRY_AFTER_SECONDS
        raise EngineUnavailable(str(error)) from error


def answered(error):
    """The engine answered, refusing this one request (an index not made yet,
    a query it rejects): it is up, so the other searches of the moment (the
    Forum's beside the resources' in site search) still ask it."""
    status = engine_client.status_code(error)
    return status is not None and status < 500


def reset_circuit():
    """Forget a recent failure (tests restart the node and want an answer at once)."""
    global _down_until
    _down_until = 0.0


def more_like_this(queryset, instance, limit, alias=ENGINE_ALIAS):
    """Objects of `queryset` whose text is most like `instance`'s, from the engine.
    Raises EngineUnavailable when the engine cannot answer."""
    search = EngineFacetedSearch(queryset, [], alias)
    compiler = search.backend.query_compiler_class(search.base, MATCH_ALL)
    index = search.backend.get_index_for_model(search.model)
    mapping = search.backend.mapping_class(search.model)
    query = compiler.get_query()
    like = {
        "more_like_this": {
            "fields": ["title", "summary", "body"],
            "like": [{"_index": index.name, "_id": mapping.get_document_id(instance)}],
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "max_query_terms": 25,
        }
    }
    body = {
        "query": {
            "bool": {
                "must": [like],
                "filter": query["bool"]["filter"] if "bool" in query else [query],
            }
        },
        "size": limit,
        "_source": False,
        "stored_fields": ["pk"],
    }
    response = search.send(body)
    pks = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    objects = search.model.objects.in_bulk(pks)
    return [objects[pk] for pk in pks if pk in objects]
