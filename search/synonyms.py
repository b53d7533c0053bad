"""Synonyms and acronyms of the field: the groups of equivalent terms editors
keep in the admin (Settings > Search synonyms, search/models.py, which also
keeps the current groups in the cache), read, checked and applied here.

The engines apply them with a synonym filter in their indices' search-time
analysis (search/engine_analysis.py); the database backend by expanding the
words typed (`expand`, called by search/database_backend.py). Both read the
same groups and match them the same way: a term is its words as the search box
keeps them (clean_query: punctuation is a word break), in any case; at each
word the longest term that starts there wins, and then matches any term of its
group (a term of several words as a phrase). So "PCP" finds "pre-commercial
procurement" and the other way round, on every backend alike.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.search.query import And, Or, Phrase, PlainText

from search.query import clean_query

# Limits that keep a group a list of terms, not a paragraph pasted by mistake.
MAX_WORDS_PER_TERM = 8
MAX_GROUPS = 1000


@dataclass(frozen=True)
class Parsed:
    # Each group's terms as spelled (lowercased, punctuation but inner hyphens
    # dropped): "small and medium-sized enterprise".
    groups: list[tuple[str, ...]]
    errors: list[str]


# Punctuation is a word break, as in the search box (clean_query), except a
# hyphen inside a word: the database's phrase search needs it (`term_queries`).
_BREAKS = re.compile(r"(?:[^\w\s-]|(?<!\w)-|-(?!\w))+")


def spelling(term):
    """A term as written, lowercased: "small and medium-sized enterprise"."""
    return " ".join(_BREAKS.sub(" ", term).lower().split())


def key(term):
    """A term as searches see it: its words, lowercased ("small and medium
    sized enterprise")."""
    return clean_query(term).lower()


def parse(text):
    """The groups of `text` (one per line, terms separated by commas), and what
    is wrong with it, line by line. Blank lines are allowed."""
    groups, errors, first_line = [], [], {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        if "=>" in line:
            errors.append(
                _(
                    "Line %(line)s: “=>” is not supported. Write the equivalent terms "
                    "separated by commas: every term of a line finds all the others."
                )
                % {"line": number}
            )
            continue
        spellings, keys, problems = [], set(), []
        for piece in line.split(","):
            term = spelling(piece)
            if not key(term):
                if piece.strip():
                    problems.append(
                        _("Line %(line)s: “%(term)s” has no letters or digits.")
                        % {"line": number, "term": piece.strip()}
                    )
            elif len(key(term).split()) > MAX_WORDS_PER_TERM:
                problems.append(
                    _("Line %(line)s: “%(term)s” is longer than %(max)s words.")
                    % {"line": number, "term": piece.strip(), "max": MAX_WORDS_PER_TERM}
                )
            elif first_line.get(key(term), number) != number:
                problems.append(
                    _(
                        "Line %(line)s: “%(term)s” is already on line %(other)s. "
                        "Put all the terms that mean the same on one line."
                    )
                    % {"line": number, "term": piece.strip(), "other": first_line[key(term)]}
                )
            elif term not in spellings:  # another spelling of a term is kept too
                spellings.append(term)
                keys.add(key(term))
        if not problems and len(keys) < 2:
            problems.append(
                _(
                    "Line %(line)s: a line needs at least two different terms, separated "
                    "by commas (for example “PCP, pre-commercial procurement”)."
                )
                % {"line": number}
            )
        errors.extend(problems)
        if not problems:
            first_line.update(dict.fromkeys(keys, number))
            groups.append(tuple(spellings))
    if len(groups) > MAX_GROUPS:
        errors.append(_("At most %(max)s lines, please.") % {"max": MAX_GROUPS})
    return Parsed(groups=groups[:MAX_GROUPS], errors=errors)


def expand(text, groups, operator="and"):
    """`text` (cleaned) as a query in which each term of a group matches any
    term of its group: its words joined by `operator`, with an Or of the
    group's terms in place of a term found; `text` unchanged when it has no
    term of any group."""
    words = text.lower().split()
    starts = {}  # first word -> (term's words, group), longest terms first
    for group in groups:
        for term in group:
            term_words = tuple(key(term).split())
            starts.setdefault(term_words[0], []).append((term_words, group))
    for candidates in starts.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))

    parts, found, position = [], False, 0
    while position < len(words):
        for term_words, group in starts.get(words[position], ()):
            if tuple(words[position : position + len(term_words)]) == term_words:
                parts.append(Or(term_queries(group)))
                position += len(term_words)
                found = True
                break
        else:
            parts.append(PlainText(words[position]))
            position += 1
    if not found:
        return text
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator.lower() == "and" else Or(parts)


def term_queries(group):
    """The queries that match any term of `group`: a word, or a phrase of
    several. A term with a hyphen after its first word is also asked for as
    written: PostgreSQL keeps "medium-sized" as one more word before its
    parts, so a document's "small and medium-sized" is not the phrase "small
    and medium sized". In the first word the extra word comes before the
    phrase: a document's "life-cycle costing" (life-cycle, life, cycle,
    costing) has the phrase "life cycle costing", which is enough."""
    queries = {}
    for term in group:
        words = key(term)
        queries.setdefault(words, Phrase(words) if " " in words else PlainText(words))
        if any("-" in word for word in term.split()[1:]):
            queries.setdefault(term, Phrase(term))
    return [query for words, query in queries.items() if not _holds_another(words, queries)]


def _holds_another(words, queries):
    """Whether `words` hold another query's phrase, in a row: anything that
    has "open market consultation" has "market consultation", so the shorter
    phrase finds the same in an Or. Dropping the longer one spares the
    database a phrase to check on each entry and to rank (bench/README.md).
    A single word never stands in for a phrase: it may be a stop word the
    database leaves out ("IT"), which would then find nothing."""
    words = words.split()
    for other in queries:
        other = other.split()
        if 1 < len(other) < len(words) and any(
            words[start : start + len(other)] == other
            for start in range(len(words) - len(other) + 1)
        ):
            return True
    return False


def engine_rules(groups):
    """The groups as a synonym filter's rules (Solr format: equivalent terms
    separated by commas; the engine splits words at hyphens itself)."""
    return [", ".join(dict.fromkeys(key(term) for term in group)) for group in groups]
