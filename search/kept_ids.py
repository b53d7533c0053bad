"""Id sets kept in memory under the search data's version, on PostgreSQL.

A visitor narrowing a search repeats its words with every facet value, year
range or page they choose, and each request used to match the words again:
90 to 170 ms at 100,000 resources for a common word or a group of synonyms
(bench/README.md), the largest part of such a search. The ids a statement
finds cannot change until a table it reads is written, and the data's version
(search/data_version.py) moves exactly then. So each process keeps the id sets
of the text matches, the facet selections and the base under that version,
and a statement met again costs nothing.

Only a statement whose every table is watched by the version's triggers is
kept. The tables come from the statement's own plan (once per statement
shape), so a base queryset that comes to join another table (a locale, a
permission) is read every time rather than kept stale. This assumes what the
faceted search's statements are: plain reads of tables, with no function that
reads other tables itself, nothing that depends on the time or the session,
and triggers that fire (a logical-replication subscriber applying rows with
`session_replication_role = replica` skips them: such a replica must not
serve searches with ids kept).

A set is kept as a packed array of whole numbers (8 bytes an id, against
some 74 as a set of Python ints), made a set again when it is used: 2.6 ms for
50,000 ids, where reading them cost tens of milliseconds. The kept sets take
at most DATABASE_SEARCH_KEPT_IDS ids' room (8 bytes each) per process, their
statements' text included, so that many searches finding little (rare or
misspelt words) cannot grow it either; the least recently used go first. At
100,000 resources a common word matches 30,000 to 60,000 and a year range or a
frequent topic as many, so the default (4 million ids, 32 MB) holds some
hundred sets.
"""

import json
import threading
from array import array
from collections import OrderedDict
from contextlib import nullcontext

from django.conf import settings
from django.db import connections

from search.id_sets import Ids, ids_from, ids_statement

_lock = threading.Lock()
# (database, version, sql, params) -> packed ids, least recently used first.
# Sets kept under an older version are never asked for again and leave as
# newer ones come; a request still reading an older version (it began before
# the latest commit, or it sees its own transaction's writes) neither finds
# nor drops what is kept under the newer one.
_kept: OrderedDict = OrderedDict()
_kept_size = 0  # room taken by the kept sets and their keys, in ids (8 bytes)
_tables_read: dict = {}  # (database, sql) -> the tables the statement reads


def kept_ids(queryset, version, watched, column="pk", planned=None):
    """The ids in `column` of `queryset` (id_sets.ids_from), read under the
    context `planned` (planner settings), or from memory when the same
    statement was read under the same `version` (None: keep nothing);
    `watched`: the tables whose writes move the version."""
    using = queryset.db
    sql, params = ids_statement(queryset, column)
    budget = settings.DATABASE_SEARCH_KEPT_IDS
    key = (using, version, sql, repr(params))
    if version and budget > 0:
        with _lock:
            packed = _kept.get(key)
            if packed is not None:
                _kept.move_to_end(key)
        if packed is not None:
            return Ids(packed)
    with planned or nullcontext():
        ids = ids_from(using, sql, params)
    if version and budget > 0 and tables_read(using, sql, params) <= set(watched):
        _keep(key, ids, budget)
    return ids


def _room(key, packed):
    """The room a kept set takes, in ids (8 bytes): its ids, its statement and
    its version."""
    _using, version, sql, params = key
    return len(packed) + len(version) + (len(sql) + len(params)) // 8 + 8


def _keep(key, ids, budget):
    global _kept_size
    try:
        packed = array("q", ids)
    except (TypeError, OverflowError):  # not whole numbers (a UUID key)
        packed = tuple(ids)
    room = _room(key, packed)
    if room > budget:
        return
    with _lock:
        if key in _kept:  # another thread read it meanwhile
            return
        _kept[key] = packed
        _kept_size += room
        while _kept_size > budget:
            dropped_key, dropped = _kept.popitem(last=False)
            _kept_size -= _room(dropped_key, dropped)


def tables_read(using, sql, params):
    """The tables a statement reads, from its plan; planned once per statement
    shape (its words and values are parameters, its tables are not)."""
    key = (using, sql)
    tables = _tables_read.get(key)
    if tables is None:
        with connections[using].cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        found = set()
        nodes = [plan[0]["Plan"]]
        while nodes:
            node = nodes.pop()
            if "Relation Name" in node:
                found.add(node["Relation Name"])
            nodes.extend(node.get("Plans", ()))
        tables = frozenset(found)
        if len(_tables_read) > 1000:  # shapes are few; never let them pile up
            _tables_read.clear()
        _tables_read[key] = tables
    return tables
