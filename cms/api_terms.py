"""Relations to taxonomy terms (topics, countries, languages, procurement
types) in both APIs, read as objects and written by their key.

A term model says how the APIs show it with `api_term_fields`, its key
first: `("slug", "name")`, `("code", "name")`. A foreign key or a
many-to-many field to such a model, listed in a page's or snippet's
`api_fields`, is then:

- read as `{"slug": …, "name": …}` (a list of them for many-to-many), typed
  in API v3 and the same in API v2;
- written (API v3, `APIField(name, writable=True)`) as the key or a list of
  keys: `"topics": ["health", "ict"]`, `"country": "FI"`. An unknown key is a
  validation error naming the field.
"""

from typing import Annotated

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField
from pydantic import AfterValidator, BaseModel, PlainSerializer, create_model
from pydantic.fields import FieldInfo
from rest_framework import serializers
from taggit.managers import TaggableManager


def is_term(model):
    return hasattr(model, "api_term_fields")


def term_value(term):
    return {name: getattr(term, name) for name in type(term).api_term_fields}


_schemas = {}


def term_schema(model):
    """The typed object a term of `model` reads as (e.g. TopicTerm)."""
    if model not in _schemas:
        fields = dict.fromkeys(model.api_term_fields, (str, ...))
        _schemas[model] = create_model(f"{model.__name__}Term", **fields)
    return _schemas[model]


# Reading (API v3's read schema generator).


def read_foreign_key(field):
    def resolve(obj):
        term = getattr(obj, field.name)
        return term_value(term) if term is not None else None

    return term_schema(field.related_model) | None, None, staticmethod(resolve)


def read_many(field):
    if not is_term(field.related_model):
        # Not a taxonomy: the related objects' ids, as ninja would give them.
        def resolve_ids(obj):
            return [related.pk for related in getattr(obj, field.name).all()]

        return list[int], [], staticmethod(resolve_ids)

    def resolve(obj):
        return [term_value(term) for term in getattr(obj, field.name).all()]

    return list[term_schema(field.related_model)], [], staticmethod(resolve)


class TagTerm(BaseModel):
    slug: str
    name: str


def read_tags(field):
    def resolve(obj):
        tags = sorted(getattr(obj, field.name).all(), key=lambda tag: tag.name)
        return [{"slug": tag.slug, "name": tag.name} for tag in tags]

    return list[TagTerm], [], staticmethod(resolve)


# Writing (API v3's create and patch schema generators).


def keys_to_pks(model):
    key = model.api_term_fields[0]

    def convert(keys):
        if keys is None:
            return None
        wanted = [keys] if isinstance(keys, str) else list(keys)
        found = dict(model._default_manager.filter(**{f"{key}__in": wanted}).values_list(key, "pk"))
        unknown = [value for value in wanted if value not in found]
        if unknown:
            known = ", ".join(model._default_manager.values_list(key, flat=True))
            raise ValueError(f"Unknown {model._meta.verbose_name}: {', '.join(unknown)} ({known}).")
        pks = [found[value] for value in wanted]
        return pks[0] if isinstance(keys, str) else pks

    # Validated as keys, kept as ids for the editor's form (dumped as they are).
    return AfterValidator(convert), PlainSerializer(lambda value: value)


def write_foreign_key(field):
    """Written by the field's own name (`"country": "FI"`), not Wagtail's
    `<name>_id` with a database id."""
    key = field.related_model.api_term_fields[0]
    description = f"The {field.related_model._meta.verbose_name}'s {key}"
    optional = field.null or field.blank
    annotation = Annotated[str | None if optional else str, *keys_to_pks(field.related_model)]
    default = (
        FieldInfo(default=None, description=description)
        if optional
        else FieldInfo(description=description)
    )
    return annotation, default


def write_many(field):
    key = field.related_model.api_term_fields[0]
    annotation = Annotated[list[str], *keys_to_pks(field.related_model)]
    return annotation, FieldInfo(
        default=[], description=f"{field.related_model._meta.verbose_name_plural} by {key}"
    )


# API v2: the same objects, as DRF fields (cms/api_v2.py).


class TermField(serializers.Field):
    def to_representation(self, value):
        return term_value(value)


class TermListField(serializers.Field):
    def to_representation(self, manager):
        return [term_value(term) for term in manager.all()]


class TagListField(serializers.Field):
    def to_representation(self, manager):
        tags = sorted(manager.all(), key=lambda tag: tag.name)
        return [{"slug": tag.slug, "name": tag.name} for tag in tags]


class TermsInV2:
    """A Wagtail API v2 viewset mixin: term relations read as in API v3."""

    @classmethod
    def get_field_serializer_overrides(cls, model):
        names = [field.name for field in cls.get_body_fields(model) + cls.get_meta_fields(model)]
        return {
            **v2_term_serializers(model, names),
            **super().get_field_serializer_overrides(model),
        }


def v2_term_serializers(model, field_names):
    """{name: DRF field} for the term relations among `field_names`."""
    found = {}
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a property, or a serializer's own name
            continue
        if isinstance(field, TaggableManager):
            found[name] = TagListField(read_only=True)
        elif isinstance(field, ForeignKey) and is_term(field.related_model):
            found[name] = TermField(read_only=True)
        elif isinstance(field, ManyToManyField) and is_term(field.related_model):
            found[name] = TermListField(read_only=True)
    return found
