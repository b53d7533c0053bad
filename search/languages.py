"""The language a search's text is analysed in: the one of the locale searched.

Each locale's language has a PostgreSQL text search configuration, and an
OpenSearch/Elasticsearch analyzer made to match it (ENGINE_ANALYSIS: the same
Snowball stemmer and stop words). The engine keeps every text under each
language's analyzer (search/engine_languages.py); the database indexes each
object under its own locale's configuration (search/postgres_languages.py).
A search that names its language uses that language's analysis alone, so
"marchés" finds "marché" in French and "Beschaffungen" finds "Beschaffung" in
German. This module imports nothing of Django's: the settings read it.
"""

from contextlib import contextmanager
from contextvars import ContextVar

# Locale language code -> PostgreSQL configuration (and the engine's text_<name> analyzer).
TEXT_LANGUAGES = {"en": "english", "fr": "french", "de": "german"}
# A language with none of its own (a locale added later) is analysed word for
# word: no stemming, no stop words, in both.
NO_LANGUAGE = "simple"


def analysed_language(language_code):
    """The language ("fr") of a language code ("fr", "fr-be") if it has an
    analysis of its own, else None."""
    language = (language_code or "").split("-")[0].lower()
    return language if language in TEXT_LANGUAGES else None


def text_language(language_code):
    """The analysis for a language code ("fr", "fr-be"), or None if it has none."""
    return TEXT_LANGUAGES.get(analysed_language(language_code))


def engine_analyzer(name):
    return f"text_{name}"


def engine_search_analyzer(name):
    """The analyzer a search in the language uses: the language's, with the
    editors' synonyms. It is defined by the synonyms' index template
    (search/engine_analysis.py), which changes when they do."""
    return f"text_{name}_search"


def language_subfields():
    """Engine sub-fields of a text field, one per language, each under its analyzer."""
    return {
        code: {
            "type": "text",
            "analyzer": engine_analyzer(name),
            "search_analyzer": engine_search_analyzer(name),
        }
        for code, name in TEXT_LANGUAGES.items()
    }


def language_filters(name):
    """(before, after): the filters of a language's analysis before the place
    of a synonym filter and after it. Synonyms match words lowercased and with
    elided articles dropped, before stop words and stemming change them."""
    before = ["lowercase", *(["text_french_elision"] if name == "french" else [])]
    return before, [f"text_{name}_stop", f"text_{name}_stemmer"]


# The engine's analyzers do what PostgreSQL's configurations of the same name
# do: the same Snowball stemmer and stop words (the engines' own "french" or
# "german" analyzers stem more lightly, so the two searches found different
# resources for the same words). French also drops elided articles (l', d'),
# which PostgreSQL's parser splits off as words of their own.
ENGINE_ANALYSIS = {
    "filter": {
        "text_french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "lorsqu", "puisqu"],
        },
        **{
            f"text_{name}_{kind}": spec
            for name in TEXT_LANGUAGES.values()
            for kind, spec in (
                ("stop", {"type": "stop", "stopwords": f"_{name}_"}),
                ("stemmer", {"type": "snowball", "language": name.capitalize()}),
            )
        },
    },
    "analyzer": {
        engine_analyzer(name): {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [filter for part in language_filters(name) for filter in part],
        }
        for name in TEXT_LANGUAGES.values()
    },
}


# Every engine index: its catch-all text field (what a search matches) also
# analysed in every language. Given when the index is made (INDEX_SETTINGS);
# Wagtail's own mapping, put after it, keeps these sub-fields.
ENGINE_INDEX_SETTINGS = {
    "settings": {"analysis": ENGINE_ANALYSIS},
    "mappings": {"properties": {"_all_text": {"type": "text", "fields": language_subfields()}}},
}

_searched = ContextVar("searched_language", default=None)


@contextmanager
def searching_in(language_code):
    """Searches made inside use `language_code`'s analysis on the database
    (modelsearch's compilers are made deep inside its backend, out of reach of
    an argument)."""
    token = _searched.set(language_code)
    try:
        yield
    finally:
        _searched.reset(token)


def searched_language():
    """The language code set by `searching_in`, or None: every language."""
    return _searched.get()
