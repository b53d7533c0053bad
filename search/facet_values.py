"""Finding values within a facet, and a ranged facet's counts as a histogram.

Both work on the values and counts a faceted search already gives
(search/faceted.py), so the engine and the database answer them alike. The
page's filter box (static/js/resource-filters.js) applies the same rule to
what it shows as the visitor types: keep them in step.
"""

from dataclasses import dataclass

from cms.text import folded


def words(text):
    return "".join(char if char.isalnum() else " " for char in folded(text)).split()


def matches(prefix, value, label):
    """Whether a facet value is one a visitor typing `prefix` looks for: its
    value (a code, a slug) or a word of its label begins with it
    ("king" finds United Kingdom, "fi" finds Finland and FI)."""
    typed = folded(prefix or "").strip()
    if not typed:
        return True
    return (
        folded(value).startswith(typed)
        or folded(label).startswith(typed)
        or any(word.startswith(typed) for word in words(label))
    )


def matching(values, prefix):
    """The FacetValues `prefix` finds, in their order."""
    return [item for item in values if matches(prefix, item.value, item.label)]


@dataclass
class Bar:
    value: int
    count: int
    in_range: bool


def histogram(facet, bounds=None):
    """A bar per value from the lowest to the highest that has a count (the
    years between included, at zero), in ascending order; `in_range` marks
    those `bounds` (lowest, highest; either None for open) select."""
    counts = {int(item.value): item.count for item in facet.values if item.count}
    if not counts:
        return []
    lowest, highest = bounds or (None, None)
    return [
        Bar(
            value=value,
            count=counts.get(value, 0),
            in_range=(lowest is None or value >= lowest) and (highest is None or value <= highest),
        )
        for value in range(min(counts), max(counts) + 1)
    ]
