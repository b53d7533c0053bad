"""Help for a faceted search that finds nothing: which selected filter to drop
(each with the exact number of results without it) and a spelling correction
of the words (offered only when the corrected search finds something).

Worked out only when a search has no results, so the searches that find
something cost nothing more. The database works it out here from the id sets
its search has already read; the engine in search/engine_zero_results.py.
Both give the same drops and counts: a facet's values are OR-ed, so dropping
one value of several can only find fewer, never more; a drop is always a
whole facet (every value selected in it), or the words.
"""

from dataclasses import dataclass, field

from django.db import connections
from django.utils.translation import gettext as _

from search.id_sets import Ids, all_but
from search.ranges import range_text

WORDS = "q"  # the parameter of the words, dropped like a facet
# How alike a typed word and a known word must be (pg_trgm's similarity, 0 to
# 1) for the known word to replace it: pg_trgm's own default threshold.
MIN_SIMILARITY = 0.3
# The database's vocabulary is read from this many of the newest visible rows:
# splitting every row's text into words took 3 s at 100,000 resources, 2,000
# rows take about 100 ms (28 words a row). Words found only in older
# resources are not suggested on the database; the engine knows them all.
VOCABULARY_ROWS = 2000


@dataclass
class FilterDrop:
    parameter: str  # a facet's parameter, or WORDS
    values: list[str]
    label: str  # "Country: Finland, Netherlands"
    count: int  # results without it, everything else kept
    # Every query parameter the drop leaves out: the facet's and, for a ranged
    # facet, its range's bounds too (year, year_from, year_to).
    parameters: list[str] = field(default_factory=list)


@dataclass
class Spelling:
    text: str  # the words, corrected
    count: int  # results of the corrected words, filters kept


@dataclass
class ZeroResultsHelp:
    drop_filters: list[FilterDrop] = field(default_factory=list)
    spelling: Spelling | None = None


def filter_drops(search, query, counts):
    """The drops that find something, most results first; `counts` maps a
    selected facet's name (or WORDS) to the results without it."""
    drops = []
    for order, (name, count) in enumerate(counts.items()):
        if not count:
            continue
        parameters = [name]
        if name == WORDS:
            values, label = [query.text], _("Words: %(words)s") % {"words": query.text}
        else:
            spec = search.specs[name]
            labels = search.labels(name)
            values = list(query.filters.get(name, []))
            shown = [labels.get(value, value) for value in values]
            if name in query.ranges:
                parameters += spec.range_parameters
                lowest, highest = query.ranges[name]
                shown.append(range_text(lowest, highest))
            label = "{}: {}".format(spec.label, ", ".join(shown))
        drops.append((count, order, FilterDrop(name, values, label, count, parameters)))
    return [drop for _count, _order, drop in sorted(drops, key=lambda item: (-item[0], item[1]))]


def database_help(search, query, candidates, chosen):
    """Help from the database: `candidates` are the ids the words match (or
    the whole base without words), `chosen` each selected facet's ids."""
    counts = {name: len(all_but(name, candidates, chosen)) for name in chosen}
    if query.text:
        counts[WORDS] = (
            search.within(intersection(chosen.values())).count() if chosen else search.base.count()
        )
    return ZeroResultsHelp(
        drop_filters=filter_drops(search, query, counts),
        spelling=database_spelling(search, query.text, chosen),
    )


def intersection(id_sets):
    sets = list(id_sets)
    return Ids(sets[0].intersection(*sets[1:]))


def database_spelling(search, text, chosen):
    corrected = trigram_correction(search.base, text) if text else None
    if not corrected or corrected == text.lower():
        return None
    ids = search.text_matches(corrected)
    for other_ids in chosen.values():
        ids = ids & other_ids
    return Spelling(corrected, len(ids)) if ids else None


def trigram_correction(queryset, text):
    """`text` with each word replaced by the most alike word of the titles,
    summaries and publishers of the newest VOCABULARY_ROWS rows of `queryset`
    (PostgreSQL's pg_trgm similarity),
    or None where pg_trgm is not installed (SQLite, or a PostgreSQL role that
    may not create it: see search/migrations): no suggestion there.

    The vocabulary is read from the rows the visitor may see in the language
    searched, so a suggestion never shows a word of a draft or of another
    language. It is one statement, run only for a search that found nothing."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    words = text.lower().split()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            return None
        rows, params = (
            queryset.order_by("-pk")
            .values_list("title", "summary", "publisher")[:VOCABULARY_ROWS]
            .query.sql_with_params()
        )
        # pg_trgm's functions live in the schema the extension was created in,
        # usually public: on the search path.
        cursor.execute(
            f"""
            WITH vocabulary AS (
                SELECT DISTINCT word FROM ({rows}) AS found(title, summary, publisher),
                regexp_split_to_table(lower(concat_ws(' ', found.title, found.summary,
                                                      found.publisher)), '\\W+') AS word
                WHERE length(word) > 2
            )
            SELECT DISTINCT ON (typed.word) typed.word, vocabulary.word
            FROM unnest(%s::text[]) AS typed(word)
            JOIN vocabulary ON similarity(typed.word, vocabulary.word) >= %s
            ORDER BY typed.word, similarity(typed.word, vocabulary.word) DESC, vocabulary.word
            """,  # noqa: S608 (`rows` is SQL Django compiled; the values are parameters)
            (*params, words, MIN_SIMILARITY),
        )
        known = dict(cursor.fetchall())
    return " ".join(known.get(word, word) for word in words)
