"""The clauses of an engine query as modelsearch compiles it: what the project
changes in it (typo tolerance, the language's fields) is found here."""


def multi_matches(node):
    """Every multi_match clause of a query (or a whole request body), to be
    changed in place."""
    if isinstance(node, dict):
        if isinstance(node.get("multi_match"), dict):
            yield node["multi_match"]
        for value in node.values():
            yield from multi_matches(value)
    elif isinstance(node, list):
        for value in node:
            yield from multi_matches(value)
