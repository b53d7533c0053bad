"""Help for an engine search that finds nothing (see search/zero_results.py):
one request counts every drop (a filter aggregation each) and asks the term
suggester for the words' spelling; a second counts the corrected words, when
there is a correction. Only term suggestions and filter aggregations, which
OpenSearch 2 and Elasticsearch 7.10 both have."""

from search.zero_results import WORDS, Spelling, ZeroResultsHelp, filter_drops

# Every text field of a resource is copied into it (modelsearch's mapping):
# the words a correction can come from.
SPELLING_FIELD = "_all_text"


def engine_help(search, query):
    words = search.text_query(query.text) if query.text else None
    aggregations = {
        name: {
            "filter": {
                "bool": {"filter": [*([words] if words else []), *search.selections(query, name)]}
            }
        }
        for name in search.selected_facets(query)
    }
    if query.text:
        aggregations[WORDS] = {"filter": {"bool": {"filter": search.selections(query)}}}
    body = {
        "query": search.text_query(""),
        "size": 0,
        "track_total_hits": True,
        "aggs": aggregations,
    }
    if query.text:
        body["suggest"] = {
            "spelling": {
                "text": query.text,
                # "missing": words the index knows are left as they are.
                "term": {"field": SPELLING_FIELD, "suggest_mode": "missing"},
            }
        }
    response = search.send(body)
    counts = {name: response["aggregations"][name]["doc_count"] for name in aggregations}
    return ZeroResultsHelp(
        drop_filters=filter_drops(search, query, counts),
        spelling=engine_spelling(search, query, response.get("suggest", {}).get("spelling")),
    )


def engine_spelling(search, query, entries):
    """The best suggestion for each word the suggester knows a better one for,
    offered when the corrected words, with the filters kept, find something."""
    if not entries:
        return None
    corrected = query.text
    # From the last word back, so that the offsets of the earlier ones still hold.
    for entry in sorted(entries, key=lambda entry: entry["offset"], reverse=True):
        if entry["options"]:
            start, end = entry["offset"], entry["offset"] + entry["length"]
            corrected = corrected[:start] + entry["options"][0]["text"] + corrected[end:]
    if corrected == query.text:
        return None
    body = {
        "query": {
            "bool": {"must": [search.text_query(corrected)], "filter": search.selections(query)}
        },
        "size": 0,
        "track_total_hits": True,
    }
    count = search.send(body)["hits"]["total"]["value"]
    return Spelling(corrected.lower(), count) if count else None
