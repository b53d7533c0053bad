"""Engine searches in the language of the locale searched.

One index per model holds every locale (Wagtail's design, and what keeps the
atomic rebuild behind an alias as it is). Its text is also kept under each
language's analyzer, in sub-fields named by language code: the catch-all
`_all_text.fr` (search/languages.py, ENGINE_INDEX_SETTINGS) and the boosted
fields a model declares them on (`title.fr`, with
`es_extra={"fields": language_subfields()}`). A search in French matches the
French sub-fields, where "marchés" and "marché" are one stem; the locale
filter keeps it to French documents. Analysing every document in every
language costs index space and indexing time, not search time; an index per
locale would instead need a model's documents split across indexes, which
Wagtail's indexing (one index per model) does not do.
"""

from search.engine_clauses import multi_matches

HIGHLIGHT_FIELDS = ("title", "summary")
CATCH_ALL = "_all_text"


def has_subfield(field, code):
    return code in field.kwargs.get("es_extra", {}).get("fields", {})


def text_fields(model, code):
    """What a search in `code` matches: the catch-all text, and each boosted
    field with that language's sub-field, with its boost (title^4 ranks a
    match in the title first, as the catch-all's boosted copies do)."""
    fields = [f"{CATCH_ALL}.{code}"]
    for field in model.get_searchable_search_fields():
        if field.boost and has_subfield(field, code):
            fields.append(f"{field.field_name}.{code}^{field.boost}")
    return fields


def highlight_fields(model, code):
    """The fields highlighted, under the same analysis as the search."""
    if code is None:
        return HIGHLIGHT_FIELDS
    declared = {field.field_name: field for field in model.get_searchable_search_fields()}
    return tuple(
        f"{name}.{code}" if name in declared and has_subfield(declared[name], code) else name
        for name in HIGHLIGHT_FIELDS
    )


def in_language(query, fields):
    """`query` (as modelsearch compiles it) matching `fields` instead of the
    catch-all text and its boosted copies."""
    for match in multi_matches(query):
        if all(name.startswith(CATCH_ALL) for name in match.get("fields", ())):
            match["fields"] = list(fields)
    return query
