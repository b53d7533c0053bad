"""What a search should answer, worked out from the database rows alone."""


def values_of(resource, facet):
    """The facet values of one resource, read straight from the database rows."""
    if facet == "type":
        return {resource.resource_type}
    if facet == "year":
        return {str(resource.publication_date.year)}
    relation, field = {
        "topic": ("topics", "slug"),
        "country": ("countries", "code"),
        "language": ("languages", "code"),
        "procurement": ("procurement_types", "slug"),
    }[facet]
    return set(getattr(resource, relation).values_list(field, flat=True))


def within(resource, ranges, exclude=None):
    """Whether the resource's year is within the year range, if one is asked for."""
    lowest, highest = (
        (ranges or {}).get("year", (None, None)) if exclude != "year" else (None, None)
    )
    year = resource.publication_date.year
    return (lowest is None or year >= lowest) and (highest is None or year <= highest)


def expected_counts(resources, filters, facet, ranges=None):
    """Disjunctive counts computed independently of both implementations: apply
    every other facet's selection (OR within, AND across; a range too), then
    count values."""
    counts = {}
    for resource in resources:
        if within(resource, ranges, exclude=facet) and all(
            values_of(resource, name) & set(selected)
            for name, selected in filters.items()
            if name != facet and selected
        ):
            for value in values_of(resource, facet):
                counts[value] = counts.get(value, 0) + 1
    return counts


def matching(resources, filters, ranges=None):
    return [
        resource
        for resource in resources
        if within(resource, ranges)
        and all(
            values_of(resource, name) & set(selected)
            for name, selected in filters.items()
            if selected
        )
    ]
