"""StreamField blocks shared by every page type.

Each block has its own template under templates/blocks/ and a preview value, so
editors see it in the block picker's preview.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as BaseTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import StringSegmentValue

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading text"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        label=_("Level"),
        help_text=_("A subsection heading sits under the section heading above it."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why innovation procurement matters", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Public buyers can act as <strong>launch customers</strong> for solutions "
            "that are not yet on the market.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    """A picture in the body of a page. Labelled "Picture" so the editor does
    not read "Image, Image" (the block, then Wagtail's image field in it)."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_(
            "Shown under the picture. The picture's description for screen readers "
            "is set with the image above."
        ),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Buying the problem, not the product, opened our tender to new ideas.",
            "attribution": "A city procurement officer",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title"),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video; the template also prints a plain link to it, so people
    without the embed (no JavaScript, blocked third-party frames) can still watch."""

    video = EmbedBlock(
        label=_("Video address"),
        help_text=_("A video URL, for example from YouTube or Vimeo"),
    )
    title = blocks.CharBlock(label=_("Video title"), max_length=200)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said and shown, for people who cannot watch or hear the video."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_text = blocks.CharBlock(
        label=_("Button text"), max_length=60, help_text=_("For example: Search resources")
    )
    page = blocks.PageChooserBlock(
        label=_("Page on this site"), required=False, help_text=_("Where the button leads")
    )
    url = blocks.CharBlock(
        label=_("Or a web address"),
        required=False,
        max_length=300,
        help_text=_("Used when no page is chosen"),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "title": "Find guidance in the Resource Centre",
            "text": "Policy documents, tools and case studies on PPI and PCP.",
            "link_text": "Search resources",
            "url": "/resources/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(_("Choose a page or enter a URL."))
                }
            )
        return value


class TableBlock(BaseTableBlock):
    """A data table with a header row and a caption (set in the table editor)."""

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        preview_value = {
            "table_caption": "PCP and PPI at a glance",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [
                ["", "PCP", "PPI"],
                ["Buys", "R&D services", "Innovative solutions"],
                ["Procurement directives", "Exempt (Art. 14)", "Apply"],
            ],
        }

    # wagtail-localize translates only the blocks it knows, and it does not know
    # this one: without these two methods a table's caption and cells would stay
    # in the source language in every translation.
    def get_translatable_segments(self, value):
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row, cells in enumerate(value.get("data") or []):
            for column, cell in enumerate(cells):
                if cell and cell.strip():
                    segments.append(StringSegmentValue(f"cell-{row}-{column}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        value = {**value, "data": [list(cells) for cells in value.get("data") or []]}
        for segment in segments:
            if segment.path == "caption":
                value["table_caption"] = segment.render_text()
            else:
                row, column = (int(index) for index in segment.path.split("-")[1:])
                value["data"][row][column] = segment.render_text()
        return value


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    """Questions rendered as <details> elements: an accordion that needs no JavaScript."""

    title = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        template = "blocks/faq_block.html"
        preview_value = {
            "title": "Questions",
            "items": [
                {
                    "question": "Is PCP covered by the procurement directives?",
                    "answer": "<p>No: R&amp;D services are exempt under Article 14.</p>",
                }
            ],
        }


class LegalReferenceBlock(blocks.StructBlock):
    act = blocks.CharBlock(
        label=_("Legal act"), max_length=250, help_text=_("For example: Directive 2014/24/EU")
    )
    article = blocks.CharBlock(
        label=_("Article"), required=False, max_length=100, help_text=_("For example: Article 31")
    )
    celex = blocks.CharBlock(
        required=False,
        max_length=40,
        label=_("CELEX number"),
        help_text=_("EUR-Lex's number for the act, for example 32014L0024"),
    )
    url = blocks.URLBlock(required=False, label=_("CELEX or ELI link"))

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/legal_reference_block.html"
        preview_value = {
            "act": "Directive 2014/24/EU",
            "article": "Article 31",
            "celex": "32014L0024",
            "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014L0024",
        }


class BodyBlock(blocks.StreamBlock):
    # Labels as the block picker shows them; the names stay (stored content).
    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Paragraph"))
    image = CaptionedImageBlock(label=_("Picture"))
    quote = QuoteBlock(label=_("Quote"))
    document = DocumentLinkBlock(label=_("Document link"))
    video = VideoBlock(label=_("Video"))
    call_to_action = CallToActionBlock(label=_("Call to action (button)"))
    table = TableBlock(label=_("Table"))
    faq = FAQBlock(label=_("Questions and answers"))
