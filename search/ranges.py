"""The one rule for a ranged facet's bounds (`year_from`, `year_to`), read by
the page (field errors) and the API (400 naming the parameter)."""

from django.utils.translation import gettext as _

# Whole numbers a bound may be: years of the common era, four digits at most.
LOWEST, HIGHEST = 1, 9999


def bound_error(text):
    """(the bound as a number or None when empty, the error or "")."""
    text = (text or "").strip()
    if not text:
        return None, ""
    if not (text.isascii() and text.isdigit()) or not LOWEST <= int(text) <= HIGHEST:
        return None, _("Enter a year between %(lowest)s and %(highest)s.") % {
            "lowest": LOWEST,
            "highest": HIGHEST,
        }
    return int(text), ""


def range_text(lowest, highest):
    """A range as people read it: the filter's chip and the zero-results help."""
    if lowest is None:
        return _("until %(highest)s") % {"highest": highest}
    if highest is None:
        return _("from %(lowest)s") % {"lowest": lowest}
    return _("%(lowest)s to %(highest)s") % {"lowest": lowest, "highest": highest}


def order_error(lowest, highest):
    if lowest is not None and highest is not None and lowest > highest:
        return _("“From” must not be after “to”.")
    return ""


def ranges_from_params(params, facets):
    """({facet: (lowest, highest)} for the valid ranges asked for,
    {parameter: error}) from a page's query dict."""
    ranges, errors = {}, {}
    for spec in facets:
        if not spec.ranged:
            continue
        first, last = spec.range_parameters
        lowest, errors[first] = bound_error(params.get(first))
        highest, errors[last] = bound_error(params.get(last))
        if not (errors[first] or errors[last]):
            errors[first] = order_error(lowest, highest)
        if not (errors[first] or errors[last]) and (lowest, highest) != (None, None):
            ranges[spec.name] = (lowest, highest)
    return ranges, {name: error for name, error in errors.items() if error}
