"""Comparing words as people read them, whatever their case and accents."""

import unicodedata


def folded(text):
    """Lower case without accents: "Österreich" is found by "oste", and sorts
    among the O's. The Resource Centre's filter box (static/js/resource-filters.js)
    folds the same way: keep them in step."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
