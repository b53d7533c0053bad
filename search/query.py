"""The one place where text typed into a search box is made safe for a backend."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
_NOT_A_WORD = re.compile(r"[^\w\s]+")


def clean_query(raw):
    """Words only: punctuation and control characters are query syntax to some
    backends (SQLite FTS5 fails on an unbalanced quote, PostgreSQL on NUL), and a
    visitor never means them as such."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw or ""
    )
    text = _NOT_A_WORD.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
