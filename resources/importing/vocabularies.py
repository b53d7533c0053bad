"""Matching cells to the values a resource may have: its type, and the terms
of each taxonomy declared in resources/taxonomies.py. Terms must already
exist: an unknown one is reported, never created. Tags are free keywords."""

import difflib
from functools import cache

from django.utils import translation
from django.utils.translation import gettext as _

from ..models import ResourceType
from ..taxonomies import TAXONOMIES
from .cells import CellError, single_line

TAG_MAX_LENGTH = 100  # taggit's Tag.name


@cache
def resource_type_choices():
    """Lower-cased value and English label -> value."""
    choices = {}
    with translation.override("en"):
        for value, label in ResourceType.choices:
            choices[value.lower()] = value
            choices[str(label).lower()] = value
    return choices


def resource_type(value, model_field):
    """The resource_type column's cleaner: a type's value or English label."""
    cleaned = single_line(value, model_field)
    if not cleaned:
        return ""
    choice = resource_type_choices().get(cleaned.lower())
    if choice is None:
        raise CellError(
            _("unknown resource type '%(value)s'; use one of: %(choices)s")
            % {"value": cleaned, "choices": ", ".join(ResourceType.values)}
        )
    return choice


class Vocabulary:
    """One taxonomy, looked up case-insensitively by its key (or another name)."""

    def __init__(self, label, objects, keys):
        self.label = label
        self.key = keys[0]
        # What an editor may type, sorted: listed with every
        # unknown value, so the report alone says how to correct it.
        self.accepted = sorted(str(getattr(obj, self.key)) for obj in objects)
        self.lookup = {}
        # Other names first, so that a key always wins over a name equal to it.
        for obj in objects:
            for key in keys[1:]:
                self.lookup.setdefault(str(getattr(obj, key)).lower(), obj)
        for obj in objects:
            self.lookup[str(getattr(obj, self.key)).lower()] = obj

    @classmethod
    def of(cls, taxonomy):
        """The vocabulary of a declared taxonomy, as its terms are now."""
        model = taxonomy.model
        return cls(model._meta.verbose_name, list(model.objects.all()), taxonomy.import_keys)

    def resolve(self, values):
        """(objects found, a reason for each unknown value)."""
        found, errors = [], []
        for value in values:
            obj = self.lookup.get(value.lower())
            if obj is None:
                reason = _("unknown %(what)s '%(value)s'") % {"what": self.label, "value": value}
                if close := difflib.get_close_matches(value.lower(), self.lookup, n=1):
                    suggestion = getattr(self.lookup[close[0]], self.key)
                    reason += " " + _("(did you mean '%(suggestion)s'?)") % {
                        "suggestion": suggestion
                    }
                if self.accepted:
                    reason += "; " + _("use one of: %(values)s") % {
                        "values": ", ".join(self.accepted)
                    }
                else:
                    reason += "; " + _("there are none yet: add them in the admin first")
                errors.append(reason)
            elif obj not in found:
                found.append(obj)
        return found, errors


class Tags:
    """Free keywords: any value is one, created as needed, if it fits."""

    def resolve(self, values):
        errors = [
            _("tag '%(tag)s…' is too long: at most %(limit)d characters")
            % {"tag": tag[:30], "limit": TAG_MAX_LENGTH}
            for tag in values
            if len(tag) > TAG_MAX_LENGTH
        ]
        return values, errors


def term_columns():
    """{multi-valued column: what matches its values}, read from the database
    once per import: a vocabulary per declared taxonomy, then the tags."""
    return {
        **{taxonomy.relation: Vocabulary.of(taxonomy) for taxonomy in TAXONOMIES},
        "tags": Tags(),
    }
