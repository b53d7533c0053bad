from django import template

from saved_searches.querystrings import parameters

register = template.Library()


@register.filter
def saved_parameters(query):
    """[(parameter, value)] the "Save this search" form sends for a search:
    every part that is saved (ranges too), as the saving writes them."""
    return parameters(query)
