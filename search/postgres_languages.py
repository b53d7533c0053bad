"""PostgreSQL search in each object's language (search/languages.py).

modelsearch's PostgreSQL backend has one text search configuration for every
object and every query. Here an object is indexed under its own locale's
configuration, and a search under the configuration of the language it is
made in (`searching_in`); a search that names no language (the admin's
listings, which show every locale) matches the words under every language's
configuration, so it finds each object as its own language analysed it.
"""

from contextvars import ContextVar
from functools import reduce
from operator import or_

from django.conf import settings

from search.languages import NO_LANGUAGE, TEXT_LANGUAGES, searched_language, text_language

_indexing_config = ContextVar("indexing_config", default=None)


def config_for(language_code):
    return text_language(language_code) or NO_LANGUAGE


def object_configs(model, objs):
    """{configuration: the objects to index under it}. Objects without a
    locale (documents, images, Forum posts) take the site's default language."""
    default = config_for(settings.LANGUAGE_CODE)
    if not any(field.name == "locale" for field in model._meta.get_fields()):
        return {default: list(objs)}
    from cms.locales import language_codes

    objs = list(objs)
    languages = language_codes({obj.locale_id for obj in objs})
    groups = {}
    for obj in objs:
        config = config_for(languages.get(obj.locale_id, settings.LANGUAGE_CODE))
        groups.setdefault(config, []).append(obj)
    return groups


class ConfigPerObject:
    """For the backend: `config`, which modelsearch reads for each object it
    indexes, is the one being indexed under, if any."""

    @property
    def config(self):
        return _indexing_config.get() or self._config

    @config.setter
    def config(self, value):
        self._config = value


class IndexInObjectLanguage:
    """For the index: each object's text vectors made under its language's configuration."""

    def add_items(self, model, objs):
        for config, group in object_configs(model, objs).items():
            token = _indexing_config.set(config)
            try:
                super().add_items(model, group)
            finally:
                _indexing_config.reset(token)


class QueryInSearchedLanguage:
    """For the query compiler: the searched language's configuration, or all of them."""

    def get_config(self, backend):
        language = searched_language()
        if language:
            return config_for(language)
        if self.fields is not None:
            # Named fields are read from the rows, under one configuration on both sides.
            return config_for(settings.LANGUAGE_CODE)
        return None  # build_tsquery: every language's

    def build_tsquery(self, query, config=None):
        if config is not None:
            return super().build_tsquery(query, config=config)
        queries = []
        for each in sorted({*TEXT_LANGUAGES.values(), NO_LANGUAGE}):
            tsquery = super().build_tsquery(query, config=each)
            if tsquery is not None:
                queries.append(tsquery)
        return reduce(or_, queries) if queries else None


def with_languages(backend_class):
    """The PostgreSQL backend class with the above."""
    index = type(
        backend_class.index_class.__name__,
        (IndexInObjectLanguage, backend_class.index_class),
        {},
    )
    compiler = type(
        backend_class.query_compiler_class.__name__,
        (QueryInSearchedLanguage, backend_class.query_compiler_class),
        {},
    )
    return {"index_class": index, "query_compiler_class": compiler}, ConfigPerObject
