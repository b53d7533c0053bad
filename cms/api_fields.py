"""How API v3 types and reads the fields models list in `api_fields`.

Wagtail's read and write schemas are generated from `api_fields` (the same
declaration API v2 reads), with a schema per kind of Django field. The kinds
Wagtail leaves untyped or id-only get real types here: StreamFields become
typed blocks (cms/api_streamfield.py), a foreign key to an image or a
document the image (with renditions) or document itself, relations to
taxonomy terms objects read and keys written (cms/api_terms.py), and rich
text is read in bulk with everything else an answer refers to
(cms/api_references.py).

`install()` must run before Wagtail's API registry is imported (it builds
every schema as it is imported): the `cms` app is first in INSTALLED_APPS
and calls it from its ready().
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField
from pydantic.fields import FieldInfo
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.api.conf import get_model_field
from wagtail.api.v3.schemas.generators import read as wagtail_read
from wagtail.api.v3.schemas.generators import write as wagtail_write
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.rich_text import features as feature_registry

from . import api_terms
from .api_references import DocumentOut, ImageOut, References
from .api_streamfield import stream_input_type, stream_type, stream_value
from .api_streamfield import want as want_stream


def streamfield_schema(generator, field):
    def resolve(obj, context):
        return stream_value(field.stream_block, getattr(obj, field.name), context["request"])

    return stream_type(field.stream_block), [], staticmethod(resolve)


def reference_kind(field):
    """ "image" or "document" for a foreign key to one, else None."""
    if not isinstance(field, ForeignKey):
        return None
    if issubclass(field.related_model, get_image_model()):
        return "image"
    if issubclass(field.related_model, get_document_model()):
        return "document"
    return None


def foreign_key_schema(generator, field):
    if api_terms.is_term(field.related_model):
        return api_terms.read_foreign_key(field)
    kind = reference_kind(field)
    if kind is None:
        return wagtail_read.foreign_key_schema(generator, field)
    attname = field.attname

    def resolve(obj, context):
        references = References.for_request(context["request"])
        pk = getattr(obj, attname)
        return references.image(pk) if kind == "image" else references.document(pk)

    annotation = ImageOut if kind == "image" else DocumentOut
    return annotation | None, None, staticmethod(resolve)


def rich_text_schema(generator, field):
    def resolve(obj, context):
        return References.for_request(context["request"]).rich_text(getattr(obj, field.name))

    features = field.features or feature_registry.get_default_features()
    default = FieldInfo(default=None, json_schema_extra={"x-rich-text-features": features})
    return str | None, default, staticmethod(resolve)


def want_references(objects, request):
    """Ask, without a query, for everything the api_fields of `objects` refer
    to, so that building them reads each kind once (a list's first item
    fetches what all of them need)."""
    references = References.for_request(request)
    for obj in objects:
        for api_field in APIField.get_fields_for_model(type(obj)):
            if api_field.serializer is not None:
                continue
            try:
                field = get_model_field(type(obj), api_field.name)
            except FieldDoesNotExist:  # a property: nothing to want
                continue
            if isinstance(field, StreamField):
                want_stream(field.stream_block, list(getattr(obj, field.name).raw_data), references)
            elif isinstance(field, RichTextField):
                references.want_rich_text(getattr(obj, field.name))
            elif kind := reference_kind(field):
                references.want(kind, getattr(obj, field.attname))


def many_to_many_schema(generator, field):
    return api_terms.read_many(field)


def write_streamfield_schema(generator, field):
    return stream_input_type(field.stream_block), []


def write_foreign_key_schema(generator, field):
    if api_terms.is_term(field.related_model):
        return api_terms.write_foreign_key(field)
    return wagtail_write.foreign_key_schema(generator, field)


def write_many_to_many_schema(generator, field):
    if api_terms.is_term(field.related_model):
        return api_terms.write_many(field)
    return None  # no writable shape for other relations


def install():
    read = wagtail_read.read_generator
    read.register_field_schema(StreamField, streamfield_schema)
    read.register_field_schema(ForeignKey, foreign_key_schema)
    read.register_field_schema(ManyToManyField, many_to_many_schema)
    read.register_field_schema(RichTextField, rich_text_schema)
    read.register_field_schema(TaggableManager, lambda generator, field: api_terms.read_tags(field))
    for write in (wagtail_write.create_generator, wagtail_write.patch_generator):
        write.register_field_schema(StreamField, write_streamfield_schema)
        write.register_field_schema(ForeignKey, write_foreign_key_schema)
        write.register_field_schema(ManyToManyField, write_many_to_many_schema)
