"""API v3's page reads: Wagtail's list, find and detail operations, replaced
(`install`) so that the page API keeps the contract every other list keeps.

- **Who sees what.** Anonymous callers see live, public pages. A token or a
  session adds what its holder may see (pages behind a login restriction,
  and the pages they may edit); it never takes public pages away, as
  Wagtail's own reads did for any signed-in caller.
- **Typed items.** Every page answer carries its content type at the top
  (`type`), so a client narrows the union of page types on it; list items
  carry the fields asked for with `fields=` (as API v2 does), so a news list
  with bodies and images is one request, in a fixed number of queries.
- **Drafts** need edit permission (or a preview token): anonymous
  `?version=draft` is refused instead of quietly answering the live page.
- **Paths** in every language: `find/?html_path=/fr/news/…` routes from the
  French home page (home/routing.py).
"""

import datetime
import functools
import operator
from functools import wraps
from typing import Annotated, Literal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from pydantic import BaseModel, Discriminator, Tag, create_model
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.registry import ContentTypeRegistration, registry
from wagtail.api.v3.schemas import read_generator
from wagtail.api.v3.schemas.pages import (
    BASE_PAGE_READ_FIELDS,
    BasePageMetaSchema,
    PageMetaSchema,
    PageSchema,
)
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.api_auth import READ_AUTH
from cms.api_errors import BadValue
from cms.api_fields import want_references
from cms.api_pagination import Paging, paged
from cms.api_references import RenditionSpec
from cms.ids import PlainId
from cms.locales import locale_named

from .routing import page_at_path

# Reading pages: the token's user, else the session's, else anonymous.
PAGE_READ_AUTH = READ_AUTH


class HeadlessPageMetaSchema(PageMetaSchema):
    live: bool = Field(description="Whether the page is published")
    has_unpublished_changes: bool = Field(
        description="Whether a draft newer than the published version exists"
    )
    revision_id: int | None = Field(
        None,
        description="The revision this answer shows: the published one, or the draft "
        "asked for with version=draft",
    )

    @staticmethod
    def resolve_revision_id(obj):
        return getattr(obj, "api_revision_id", obj.live_revision_id)


class HeadlessPageSchema(PageSchema):
    meta: HeadlessPageMetaSchema


def page_type_field(model):
    """A top-level `type` (the content type label), which TypeScript narrows a
    union of page types on."""
    label = model._meta.label
    return {"type": (Literal[label], label, staticmethod(lambda obj: label))}


def register_page_schemas():
    """Wagtail's schemas for every page type, on the headless base above and
    with `type` at the top. Runs before Wagtail's page router is imported
    (it builds its unions from the registry then): HomeConfig.ready()."""
    for model in get_page_models():
        schema = read_generator.generate_schema(model, base_class=HeadlessPageSchema)
        schema = read_generator.extend_schema(schema, schema.__name__, page_type_field(model))
        registration = registry.get(model._meta.label)
        registry.register(
            ContentTypeRegistration(
                name=model._meta.label,
                label=str(model._meta.verbose_name),
                read_schema=schema,
                create_schema=registration.create_schema if registration else None,
                patch_schema=registration.patch_schema if registration else None,
            )
        )


def editable_models():
    return [model for model in get_page_models() if model is not Page]


def visible_pages(request, model=Page):
    """What the caller may read: live, public pages of the request's site,
    plus, for a signed-in caller, those behind a restriction they pass
    (Wagtail's rule) and those they may edit."""
    try:
        public = get_public_pages_queryset(request, model)
    except ValueError as error:  # ?site= named several sites
        raise BadValue("site", str(error)) from error
    if not request.user.is_authenticated:
        return public.select_related("content_type", "locale")
    editable = (
        PagePermissionPolicy(model)
        .instances_user_has_any_permission_for(request.user, {"change", "publish"})
        .values("pk")
    )
    return model._default_manager.filter(
        Q(pk__in=public.values("pk")) | Q(pk__in=editable)
    ).select_related("content_type", "locale")


# The list.

PageTypeLiteral = Literal[tuple(model._meta.label for model in get_page_models())]


class PageFilters(Schema):
    type: list[PageTypeLiteral] = Field([], description="Page types (OR)")
    child_of: int | Literal["root"] | None = Field(None, description="Children of this page")
    descendant_of: int | Literal["root"] | None = Field(
        None, description="Descendants of this page"
    )
    ancestor_of: int | None = Field(None, description="Ancestors of this page")
    translation_of: int | None = Field(None, description="Translations of this page")
    locale: str | None = Field(None, description="Language code, e.g. fr")
    site: str | None = Field(None, description="Hostname[:port] of a site other than this one")


class DetailShape(Schema):
    """How a page's content is given (a detail has all of its fields)."""

    rendition: list[RenditionSpec] = Field([], description="Image sizes to include")
    rich_text_format: RichTextOutputFormat | None = Field(
        None, description="Rich text as html (the default), db_html, markdown or db_markdown"
    )


class PageShape(DetailShape):
    fields: str | None = Field(
        None,
        description="Comma-separated fields of the type named by type= to include in each "
        "item (body, listing_image, topics, …), or * for all of them",
    )


def page_relative_to(request, value, name):
    if value == "root":
        return SiteFilterValidator(site=None, request=request).site_obj.root_page
    page = visible_pages(request).filter(pk=value).first()
    if page is None:
        raise BadValue(name, f"No page {value} that you may see.")
    return page


def filtered(request, filters):
    models = [model_for(label) for label in filters.type]
    model = models[0] if len(models) == 1 else Page
    pages = visible_pages(request, model)
    if len(models) > 1:
        content_types = ContentType.objects.get_for_models(*models).values()
        pages = pages.filter(content_type__in=list(content_types))
    if filters.locale:
        pages = pages.filter(locale=locale_named(filters.locale))
    if filters.child_of is not None and filters.descendant_of is not None:
        raise BadValue("child_of", "child_of and descendant_of cannot be combined.")
    if filters.child_of is not None:
        pages = pages.child_of(page_relative_to(request, filters.child_of, "child_of"))
    if filters.descendant_of is not None:
        parent = page_relative_to(request, filters.descendant_of, "descendant_of")
        pages = pages.descendant_of(parent)
    if filters.ancestor_of is not None:
        pages = pages.ancestor_of(page_relative_to(request, filters.ancestor_of, "ancestor_of"))
    if filters.translation_of is not None:
        source = page_relative_to(request, filters.translation_of, "translation_of")
        pages = pages.translation_of(source)
    return model, pages


def model_for(label):
    return next(model for model in get_page_models() if model._meta.label == label)


def requested_fields(model, fields):
    """The type's own fields named by `fields=`, checked against its schema."""
    if not fields:
        return []
    if model is Page:
        raise BadValue("fields", "fields= needs type= naming one page type.")
    own = [
        name
        for name in registry.get(model._meta.label).read_schema.model_fields
        if name not in ListItemBase.model_fields and name != "type"
    ]
    if fields.strip() == "*":
        return own
    names = [name.strip() for name in fields.split(",") if name.strip()]
    unknown = [name for name in names if name not in own]
    if unknown:
        raise BadValue(
            "fields",
            f"{model._meta.label} has no field {', '.join(unknown)}; it has {', '.join(own)}.",
        )
    return names


class ListMeta(BaseModel):
    """BasePageMetaSchema's fields, as data (ninja's schemas resolve afresh
    whatever they validate)."""

    type: str
    detail_url: str | None
    html_url: str | None
    locale: str | None
    slug: str
    first_published_at: datetime.datetime | None


class ListItemBase(BaseModel):
    id: int
    title: str
    meta: ListMeta


def list_item_schema(model):
    """A list item of `model`: id, title and list meta always, its own fields
    when fields= asks for them (absent otherwise)."""
    read_schema = registry.get(model._meta.label).read_schema
    extra = {
        name: (field.annotation | None, None)
        for name, field in read_schema.model_fields.items()
        if name not in ListItemBase.model_fields and name != "type"
    }
    return create_model(
        f"{model._meta.object_name}ListItem",
        __base__=ListItemBase,
        type=(Literal[model._meta.label], ...),
        **extra,
    )


def build_list_item_union():
    members = [
        Annotated[list_item_schema(model), Tag(model._meta.label)] for model in get_page_models()
    ]
    return Annotated[functools.reduce(operator.or_, members), Discriminator(item_type)]


def item_type(item):
    return item["type"] if isinstance(item, dict) else item.type


@functools.lru_cache(maxsize=256)
def fields_schema(label, names):
    """The part of a type's read schema that `names` name. Validating the
    whole schema would compute every field (a detail's meta reads each page's
    parent) only to drop most of them."""
    read_schema = registry.get(label).read_schema
    schema = create_model(
        f"{read_schema.__name__}Fields",
        __base__=Schema,
        **{
            name: (read_schema.model_fields[name].annotation, read_schema.model_fields[name])
            for name in names
        },
    )
    schema._ninja_resolvers = {
        name: resolver for name, resolver in read_schema._ninja_resolvers.items() if name in names
    }
    return schema


def list_items(request, model, pages, fields):
    """Items for `pages`: the summary, plus `fields` built from the type's
    read schema. Everything the items refer to is wanted first, so each kind
    (images, documents, linked pages, rich text links) is read once."""
    context = {"request": request}
    if fields:
        want_references(pages, request)
        schema = fields_schema(model._meta.label, tuple(fields))
    items = []
    for page in pages:
        item = {
            "id": page.pk,
            "title": page.title,
            "meta": BasePageMetaSchema.model_validate(page, context=context).model_dump(),
        }
        item["type"] = page.specific_class._meta.label if model is Page else model._meta.label
        if fields:
            item.update(schema.model_validate(page, context=context).model_dump())
        items.append(item)
    return items


# Find and detail.


def draft_allowed(request, page):
    if not request.user.is_authenticated:
        raise HttpError(401, "Drafts need a token of someone who may edit the page.")
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied("You may not see this page's draft.")


def page_answer(request, page, version):
    """The page as the answer shows it: live, or its latest draft."""
    page = page.specific
    if version == "draft":
        draft_allowed(request, page)
        revision = page.get_latest_revision()
        if revision is not None:
            draft = revision.as_object()
            draft.api_revision_id = revision.pk
            return draft
    return page


def page_detail_members():
    """Each page type's detail schema, tagged with its type for a union."""
    return [
        Annotated[registry.get(m._meta.label).read_schema, Tag(m._meta.label)]
        for m in get_page_models()
    ]


def page_detail_union():
    return Annotated[
        functools.reduce(operator.or_, page_detail_members()), Discriminator(detail_type)
    ]


def leaves_the_tree_root_alone(run):
    """Wraps a write on /pages/{page_id}/…: the root of the page tree is not
    a page anyone edits (the admin never offers it); Wagtail's actions fail on
    it (copying it was a 500), so it answers as a page that is not there."""

    @wraps(run)
    def guarded(request, *args, **kwargs):
        page_id = str(kwargs.get("page_id", ""))
        writing = request.method not in ("GET", "HEAD")
        if writing and page_id.isdigit() and Page.objects.filter(pk=page_id, depth=1).exists():
            return problem_response(status=404, detail="No page that you may change has that id.")
        return run(request, *args, **kwargs)

    return guarded


def install(router, actions_router):
    """Replace the GET operations of Wagtail's page router with these, and
    guard its writes."""
    for page_router in (router, actions_router):
        page_router.add_decorator(leaves_the_tree_root_alone, mode="view")

    PageListItem = build_list_item_union()
    PageDetail = page_detail_union()
    PageList = paged(PageListItem, "PageList")

    for path in ("/", "/find/", "/{page_id}/"):
        path_view = router.path_operations[path]
        path_view.operations = [op for op in path_view.operations if "GET" not in op.methods]

    def list_pages(
        request: HttpRequest,
        filters: PageFilters = Query(...),  # noqa: B008
        ordering: OrderingSchema = Query(...),  # noqa: B008
        search: SearchSchema = Query(...),  # noqa: B008
        paging: Paging = Query(...),  # noqa: B008
        shape: PageShape = Query(...),  # noqa: B008
    ):
        model, pages = filtered(request, filters)
        fields = requested_fields(model, shape.fields)
        field_filter = APIFieldFilterSchema(
            raw_params=request.GET,
            base_fields=BASE_PAGE_READ_FIELDS,
            ignore_fields=LIST_PARAMETERS,
        )
        pages = field_filter.filter_queryset(pages)
        pages = ordering.order_queryset(pages, paging, base_fields=BASE_PAGE_READ_FIELDS)
        pages = search.search_queryset(request, pages)
        if fields and hasattr(model, "api_prefetch"):
            pages = pages.select_related(*model.api_select_related).prefetch_related(
                *model.api_prefetch()
            )
        count, window = paging.window(pages)
        return {"count": count, "items": list_items(request, model, window, fields)}

    def find_page(
        request: HttpRequest,
        html_path: str | None = Query(None, description="A path on the site, e.g. /fr/news/x/"),
        id: PlainId | None = Query(None, description="A page id"),  # noqa: B008
        site: str | None = Query(None, description="Hostname[:port] of another site"),
        version: Literal["live", "draft"] = Query("live"),
        shape: DetailShape = Query(...),  # noqa: B008
    ):
        page = None
        if html_path:
            site_obj = SiteFilterValidator(site=site, request=request).site_obj
            try:
                page = page_at_path(request, site_obj, html_path) if site_obj else None
            except Http404:
                page = None
            if page is not None and not visible_pages(request).filter(pk=page.pk).exists():
                page = None
        if page is None and id is not None:
            page = visible_pages(request).filter(pk=id).first()
        if page is None:
            raise Http404("No page that you may see is at that path.")
        return page_answer(request, page, version)

    def get_page(
        request: HttpRequest,
        page_id: PlainId,
        version: Literal["live", "draft"] = Query("live"),
        shape: DetailShape = Query(...),  # noqa: B008
    ):
        page = visible_pages(request).filter(pk=page_id).first()
        if page is None:
            raise Http404("No page that you may see has that id.")
        return page_answer(request, page, version)

    common = {"auth": PAGE_READ_AUTH, "tags": ["pages"]}
    router.add_api_operation(
        "/", ["GET"], list_pages, response=PageList, url_name="list_pages",
        summary="List pages", operation_id="pages_list", exclude_unset=True, **common,
    )  # fmt: skip
    router.add_api_operation(
        "/find/", ["GET"], find_page, response=PageDetail, url_name="find_page",
        summary="Find a page by its path on the site or its id",
        operation_id="pages_find", **common,
    )  # fmt: skip
    router.add_api_operation(
        "/{page_id}/", ["GET"], get_page, response=PageDetail, url_name="detail_page",
        summary="A page", operation_id="pages_detail", **common,
    )  # fmt: skip


def detail_type(value):
    if isinstance(value, dict):
        return value.get("type")
    if isinstance(value, BaseModel):
        return value.type
    return type(value)._meta.label


LIST_PARAMETERS = {
    *PageFilters.model_fields,
    *OrderingSchema.model_fields,
    *SearchSchema.model_fields,
    *Paging.model_fields,
    *PageShape.model_fields,
}
