"""StreamField bodies in API v3 as typed data.

Wagtail types a StreamField as a list of anything. Here every StreamBlock
becomes a list of items discriminated by `type` (in OpenAPI, a oneOf with a
discriminator, which TypeScript narrows on `item.type`), every StructBlock a
named object, and chosen images, documents and pages objects with absolute
URLs (cms/api_references.py), all derived from the block definitions, so a
new block is typed the moment it exists.

Values are built from the stored (raw) data rather than Wagtail's python
values: the walk that finds what a body refers to needs no query, so a whole
list's images, documents and links are read in one query per kind.
"""

import datetime
import functools
import operator
import re
from typing import Annotated, Any, Literal, get_origin

from pydantic import BaseModel, Field, create_model
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .api_references import DocumentOut, ImageOut, PageLinkOut, References


class EmbedOut(BaseModel):
    url: str = Field(description="The embedded media's address (YouTube, Vimeo, …)")


class TableOut(BaseModel):
    caption: str
    first_row_is_table_header: bool
    first_col_is_header: bool
    data: list[list[str | None]] = Field(description="Rows of cells, as typed")


def camel(name):
    return "".join(part.capitalize() for part in re.split(r"[_\W]+", name) if part)


class RichTextInput(BaseModel):
    """Rich text sent as Markdown (or database HTML) rather than a plain
    string of database HTML."""

    format: Literal["db_html", "db_markdown"] = "db_html"
    content: str


class TableInput(BaseModel):
    data: list[list[str | None]]
    table_caption: str = ""
    first_row_is_table_header: bool = True
    first_col_is_header: bool = False


class SchemaBuilder:
    """Pydantic types for blocks, each named model built once. What a body
    reads as and what a write sends differ where a block refers to
    something: an answer carries the image, a write its id."""

    def __init__(self, writing=False):
        self.writing = writing
        self.suffix = "Input" if writing else ""
        self.models = {}

    def named_model(self, name, **fields):
        name += self.suffix
        if name not in self.models:
            self.models[name] = create_model(name, **fields)
        return self.models[name]

    def field(self, annotation):
        """A struct member: always present in answers, optional in writes
        (the editor's form says what is required)."""
        return (annotation | None, None) if self.writing else (annotation, ...)

    def value_type(self, block, path):
        """The type of `block`'s value; `path` names anonymous blocks."""
        if isinstance(block, blocks.BaseStreamBlock):
            return list[self.stream_item_type(block, path)]
        if isinstance(block, blocks.ListBlock):
            return list[self.value_type(block.child_block, path + "Item")]
        if isinstance(block, ImageBlock) and not self.writing:
            return ImageOut | None
        if isinstance(block, blocks.BaseStructBlock):
            name = type(block).__name__
            if name in ("StructBlock", "BaseStructBlock"):
                name = path
            return self.named_model(
                name,
                **{
                    child_name: self.field(self.value_type(child, name + camel(child_name)))
                    for child_name, child in block.child_blocks.items()
                },
            )
        return self.leaf_type(block)

    def leaf_type(self, block):
        if not self.writing:
            return leaf_type(block)
        if isinstance(block, (ImageChooserBlock, DocumentChooserBlock, blocks.PageChooserBlock)):
            return int | None  # the id of the image, document or page
        if isinstance(block, EmbedBlock):
            return str | None
        if isinstance(block, TableBlock):
            return TableInput | None
        if isinstance(block, blocks.RichTextBlock):
            return str | RichTextInput
        return leaf_type(block)

    def stream_item_type(self, block, path):
        name = type(block).__name__
        if name in ("StreamBlock", "BaseStreamBlock"):
            name = path
        prefix = name.removesuffix("Block")
        items = [
            self.named_model(
                f"{prefix}{camel(child_name)}",
                type=(Literal[child_name], ...),
                value=(self.value_type(child, f"{prefix}{camel(child_name)}Value"), ...),
                id=(str | None, Field(None, description="The block's stable id")),
            )
            for child_name, child in block.child_blocks.items()
        ]
        if len(items) == 1:
            return items[0]
        return Annotated[functools.reduce(operator.or_, items), Field(discriminator="type")]


def leaf_type(block):
    if isinstance(block, ImageChooserBlock):
        return ImageOut | None
    if isinstance(block, DocumentChooserBlock):
        return DocumentOut | None
    if isinstance(block, blocks.PageChooserBlock):
        return PageLinkOut | None
    if isinstance(block, EmbedBlock):
        return EmbedOut | None
    if isinstance(block, TableBlock):
        return TableOut | None
    if isinstance(block, blocks.BooleanBlock):
        return bool
    if isinstance(block, blocks.IntegerBlock):
        return int | None
    if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
        return float | None
    if isinstance(block, blocks.DateTimeBlock):
        return datetime.datetime | None
    if isinstance(block, blocks.DateBlock):
        return datetime.date | None
    if isinstance(block, blocks.TimeBlock):
        return datetime.time | None
    if isinstance(block, blocks.ChoiceBlock):
        values = [str(value) for value, _label in block.field.choices if value != ""]
        if not block.required:
            values.append("")
        return Literal[tuple(values)] if values else str
    return str


READING, WRITING = SchemaBuilder(), SchemaBuilder(writing=True)


def stream_type(stream_block):
    """The pydantic type of a StreamField's value in answers."""
    return READING.value_type(stream_block, type(stream_block).__name__)


def stream_input_type(stream_block):
    """The pydantic type of a StreamField's value in writes: blocks as the
    editor's form takes them (ids for images, documents and pages)."""
    return WRITING.value_type(stream_block, type(stream_block).__name__)


# Serialising stored data: want() walks it and asks for its references,
# build() makes the answer.


def stream_items(raw):
    return [item for item in raw or [] if isinstance(item, dict) and "type" in item]


def list_items(raw):
    """A ListBlock's stored items: {"type": "item", "value": …} or, stored
    before Wagtail 2.16, the bare values."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
        for item in raw or []
    ]


def child_raw(child, struct_raw, name):
    if isinstance(struct_raw, dict) and name in struct_raw:
        return struct_raw[name]
    return child.get_prep_value(child.get_default())


def image_block_parts(raw):
    """(image pk, alt text or None for the image's own) of an ImageBlock's
    stored value, which older data keeps as a bare image id."""
    if raw is None or isinstance(raw, int):
        return raw, None
    if raw.get("decorative"):
        return raw.get("image"), ""
    return raw.get("image"), raw.get("alt_text") or None


def want(block, raw, references):
    if isinstance(block, blocks.BaseStreamBlock):
        for item in stream_items(raw):
            child = block.child_blocks.get(item["type"])
            if child is not None:
                want(child, item.get("value"), references)
    elif isinstance(block, blocks.ListBlock):
        for value in list_items(raw):
            want(block.child_block, value, references)
    elif isinstance(block, ImageBlock):
        references.want("image", image_block_parts(raw)[0])
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child in block.child_blocks.items():
            want(child, child_raw(child, raw, name), references)
    elif isinstance(block, ImageChooserBlock):
        references.want("image", raw)
    elif isinstance(block, DocumentChooserBlock):
        references.want("document", raw)
    elif isinstance(block, blocks.PageChooserBlock):
        references.want("page", raw)
    elif isinstance(block, blocks.RichTextBlock):
        references.want_rich_text(raw)


def build(block, raw, references) -> Any:
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            {
                "type": item["type"],
                "value": build(block.child_blocks[item["type"]], item.get("value"), references),
                "id": item.get("id"),
            }
            for item in stream_items(raw)
            if item["type"] in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        return [build(block.child_block, value, references) for value in list_items(raw)]
    if isinstance(block, ImageBlock):
        pk, alt = image_block_parts(raw)
        return references.image(pk, alt)
    if isinstance(block, blocks.BaseStructBlock):
        return {
            name: build(child, child_raw(child, raw, name), references)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, ImageChooserBlock):
        return references.image(raw)
    if isinstance(block, DocumentChooserBlock):
        return references.document(raw)
    if isinstance(block, blocks.PageChooserBlock):
        return references.page(raw)
    if isinstance(block, blocks.RichTextBlock):
        return references.rich_text(raw or "")
    if isinstance(block, EmbedBlock):
        return {"url": raw} if raw else None
    if isinstance(block, TableBlock):
        return table_value(raw)
    if raw is None:
        # A struct saved before this child existed (or written by hand)
        # stores nothing for it: text and choices read as empty, not null.
        annotation = leaf_type(block)
        if annotation is bool:
            return False
        if annotation is str or get_origin(annotation) is Literal:
            return ""
    return raw


def table_value(raw):
    if not isinstance(raw, dict):
        return None
    return {
        "caption": raw.get("table_caption") or "",
        "first_row_is_table_header": bool(raw.get("first_row_is_table_header")),
        "first_col_is_header": bool(raw.get("first_col_is_header")),
        "data": raw.get("data") or [],
    }


def stream_value(stream_block, stream, request):
    """The API value of a StreamField's value `stream` (a StreamValue)."""
    references = References.for_request(request)
    raw = list(stream.raw_data)
    want(stream_block, raw, references)
    return build(stream_block, raw, references)
