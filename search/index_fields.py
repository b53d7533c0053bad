"""Index fields of the project's own kind, for modelsearch's `search_fields`."""

from wagtail.search import index


def values_attname(relation):
    """The document field (before modelsearch's `_filter` suffix) that
    RelatedValues(relation, ...) fills."""
    return f"{relation}_values"


class RelatedValues(index.FilterField):
    """The values of a many-to-many relation's objects as one keyword list of
    the parent document (`"topics_values_filter": ["health", "ict"]`), for
    filters and facet counts on the engines.

    modelsearch's RelatedFields makes each related object a nested document
    instead: every filter on it is then a block join and every count a nested
    aggregation, and a resource with two topics, a country, a language and a
    procurement type is six documents, not one. At 100,000 resources the
    faceted search's heavy requests took a fifth less time on the engine with
    plain lists (bench/README.md), with the same counts. A nested document is
    only needed where one related object's fields must match together, which
    a single value never has to.

    The relation's objects are read with `.all()`: the model's
    get_indexed_objects() prefetches them for a batch."""

    def __init__(self, relation, value):
        super().__init__(relation)
        self.value = value

    def get_attname(self, cls):
        # Its own name (`topics_values`), not the relation's: the field holds
        # the objects' values, not the relation's ids.
        return values_attname(self.field_name)

    def get_type(self, cls):
        return "CharField"  # a keyword on the engines

    def get_value(self, obj):
        return sorted(
            str(getattr(item, self.value)) for item in getattr(obj, self.field_name).all()
        )
