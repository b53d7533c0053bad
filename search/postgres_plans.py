"""How the database faceted search's statements run on PostgreSQL.

Wagtail's database backend (modelsearch) matches a search with a join from the
searched rows to their index entries, `(title || body) @@ query`, and ranks with
`ts_rank` on the same join. At 100,000 resources, with words found in half the
corpus or more, the faceted search works around three costs of that (figures
measured in bench/README.md):

- **Plans that compute every entry's text.** The query names its language
  (`to_tsquery('english', …)`), so PostgreSQL folds it into a constant and
  estimates from the column's statistics that most entries match common words.
  It then prefers to read the whole entries table, or all of the resources'
  entries through the content-type index, over the GIN index on
  `title || body` (search/migrations/0001), and its cost model leaves out what
  those reads cost: joining two text vectors and matching the query, entry by
  entry (300 ms against 90 through the index for one word; 280 against 190
  for a group of synonym phrases). So the text match (`words_matched`) compares
  the content type as an expression, which no index serves, and runs without
  sequential scans (`text_index_scans`): the text index is left as the only way in.
- **Phrases checked on the joined text.** The index keeps no word positions,
  so each entry it finds for a phrase (a synonym of several words) is checked,
  and `title || body` joined for the check, 3 µs an entry: the index is asked
  for the phrases' words in any order instead, which it answers exactly, and
  the order is checked on the body first (`_phrases_checked_on_the_body_first`).
- **Ranking through the join.** A page ranks ids already known to match
  (`ranked_page`): from the index entries alone, 65 ms for 49,000 matches
  against 150 through the join, which cast every id to text and matched the
  words again. A few ids go as a text array (an entry's object_id is text),
  without parallel workers, which would each be sent the array and hash it
  again (65 ms against 88 with two); many go as a bitmap tested on the
  object_id read as a number, which two workers share (81 against 134 ms for
  29,000 matches of a synonym group).

The match, the rank and the order are the backend's own: built by its query
compiler from the same parsed query.
"""

import operator
from contextlib import contextmanager, nullcontext
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, transaction
from django.db.models import BooleanField, Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Cast
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase

from search.id_sets import InIds, as_ids


def text_index_scans(using):
    return _planned_with(using, enable_seqscan="off")


def without_parallel_workers(using):
    """For a statement that carries a large array constant: each parallel
    worker is sent the whole plan, array included, and hashes it again."""
    return _planned_with(using, max_parallel_workers_per_gather="0")


@contextmanager
def _planned_with(using, **settings):
    """The statements within run with these planner settings, then they are
    reset. `SET LOCAL` in a transaction (a savepoint when one is open) keeps
    them to these statements, and rolls them back with them if they fail."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for name, value in settings.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        yield
        for name in settings:
            cursor.execute(f"RESET {name}")


def words_matched(results, base):
    """(the rows of `base` whose index entries match the words of a search's
    `results`, made with `order_by_relevance=False`; the planner settings to
    read their ids under)."""
    compiler = _index_search(results)
    if compiler is None or isinstance(compiler.query, (MatchAll, Fuzzy)):
        return results.get_queryset(), nullcontext()
    vectors = [_on_entry(vector) for vector, _boost in compiler.get_index_vectors(None)]
    text = vectors[0]
    for vector in vectors[1:]:
        text = text._combine(vector, "||", False)
    config = compiler.get_config(results.backend)
    words = compiler.build_tsquery(compiler.query, config=config)
    entries = _entries(compiler, by_content_type_index=False)
    object_id = entries.model._meta.get_field("object_id")
    entries = entries.alias(entry_text=text).filter(
        object_id=Cast(OuterRef("pk"), output_field=object_id)
    )
    if _has(compiler.query, Phrase) and not _has(compiler.query, Not):
        # The body is the last vector (modelsearch indexes the title, then the body).
        body = vectors[-1]
        entries = _phrases_checked_on_the_body_first(compiler, config, entries, body, words)
    else:
        entries = entries.filter(entry_text=words)
    return base.filter(Exists(entries)), text_index_scans(base.db)


def _phrases_checked_on_the_body_first(compiler, config, entries, body, words):
    """`entries` whose text matches `words`, a query with phrases and no NOT.

    The GIN index keeps no word positions, so PostgreSQL checks a phrase on
    every entry the index finds, and checking it on `title || body` joins the
    two vectors first: 3 µs an entry, two thirds of a synonym group's match at
    100,000 resources (bench/README.md). Here the index finds the entries with
    all the words of a phrase, which it answers exactly, and the phrase is
    checked on the body alone first (which holds most words):
    without a NOT, a match in the body is a match in the joined text, where
    only its positions are shifted (PostgreSQL caps positions at 16,383, so a
    phrase right at the end of a longer body is found here and not in the
    joined text, the one difference). The joined text is still checked for
    the rest (a match in the title, or words split between title and body)."""
    return (
        entries.alias(entry_body=body)
        .filter(entry_text=_any_word_order(compiler, compiler.query, config))
        .filter(Q(entry_body=words) | Q(entry_text=words))
    )


def _any_word_order(compiler, query, config):
    """The tsquery of `query` (with no NOT) with each phrase's words in any
    order: all of its words, which the GIN index answers without a check."""
    if isinstance(query, Phrase):
        return SearchQuery(query.query_string, search_type="plain", config=config)
    if isinstance(query, Boost):
        return _any_word_order(compiler, query.subquery, config)
    if isinstance(query, (And, Or)):
        parts = [_any_word_order(compiler, part, config) for part in query.subqueries]
        return reduce(operator.and_ if isinstance(query, And) else operator.or_, parts)
    return compiler.build_tsquery(query, config=config)


def _has(query, kind):
    """Whether `query` is or holds a query of `kind`."""
    if isinstance(query, kind):
        return True
    parts = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(part is not None and _has(part, kind) for part in parts)


def ranked_page(results, ids, start, stop):
    """The pks from `start` to `stop` of a relevance search's `results`, whose
    queryset holds only `ids`, objects known to match its words (the faceted
    search's matching ids), ranked from their index entries alone."""
    compiler = _index_search(results)
    if compiler is None or isinstance(compiler.query, (MatchAll, Not, Fuzzy)):
        return list(results[start:stop].get_queryset().values_list("pk", flat=True))
    rank = compiler._build_rank_expression(
        [
            (_on_entry(vector), _on_entry(boost))
            for vector, boost in compiler.get_index_vectors(None)
        ],
        compiler.get_config(results.backend),
    )
    pk = Cast("object_id", output_field=compiler.queryset.model._meta.pk)
    ids = as_ids(ids)
    if ids.bitmap is None:
        # An entry's object_id is text: the ids travel as a text array, which
        # parallel workers would each hash again.
        entries = _entries(compiler).filter(InIds(F("object_id"), ids))
        planned = without_parallel_workers(entries.db)
    else:
        # Many whole-number ids: a bitmap, tested on the object_id as a
        # number. The searched model's entries hold its whole-number pks
        # there; other models' may hold anything, and only a CASE makes sure
        # they are left out before the cast (a pattern test instead cost half
        # the statement's time again).
        from modelsearch.utils import get_descendants_content_types_pks

        content_types = get_descendants_content_types_pks(compiler.queryset.model)
        entries = _entries(compiler).filter(
            Case(
                When(content_type_id__in=content_types, then=InIds(pk, ids)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        # Workers are sent one short value: two rank the matches in
        # about two thirds of the time of one (bench/README.md).
        planned = nullcontext()
    with planned:
        return list(entries.order_by(rank.desc(), pk.desc()).values_list(pk, flat=True)[start:stop])


def _index_search(results):
    """The query compiler of a search on PostgreSQL's index entries (not an
    autocomplete, not a search of named fields), or None."""
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchQueryCompiler,
    )

    compiler = getattr(results, "query_compiler", None)
    if (
        isinstance(compiler, PostgresSearchQueryCompiler)
        and not isinstance(compiler, PostgresAutocompleteQueryCompiler)
        and compiler.fields is None
    ):
        return compiler
    return None


def index_entry_model(model):
    """The model of the database backend's index entries of `model`'s objects,
    or None when the backend does not index it."""
    try:
        return model._meta.get_field("index_entries").related_model
    except FieldDoesNotExist:
        return None


def _entries(compiler, by_content_type_index=True):
    """The index entries of the searched model's objects. For the text match,
    the content type is compared as an expression (`+ 0`), so that no index
    serves it (see above); the ranking finds each entry by its
    (content type, object id) key."""
    from modelsearch.utils import get_descendants_content_types_pks

    model = compiler.queryset.model
    entries = index_entry_model(model).objects
    content_types = get_descendants_content_types_pks(model)
    if by_content_type_index:
        return entries.filter(content_type_id__in=content_types)
    return entries.alias(entry_kind=F("content_type_id") + 0).filter(entry_kind__in=content_types)


def _on_entry(expression):
    """A reference from the searched model to its index entry's column
    (`F("index_entries__title")`), made from the entry itself (`F("title")`)."""
    if isinstance(expression, F):
        return F(expression.name.removeprefix("index_entries__"))
    return expression
