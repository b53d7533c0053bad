from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=50, help_text=_("For example: LinkedIn, Mastodon"))
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What editors set once per site: the footer, the contact address, social links."""

    footer_text = models.TextField(_("footer text"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, use_json_field=True)

    panels = [FieldPanel("footer_text"), FieldPanel("contact_email"), FieldPanel("social_links")]

    class Meta:
        verbose_name = _("site settings")
