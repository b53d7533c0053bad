from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Name"), max_length=50, help_text=_("For example: LinkedIn, Mastodon")
    )
    url = blocks.URLBlock(label=_("Web address"))

    class Meta:
        icon = "link"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What editors set once per site: the footer, the contact address, social links."""

    footer_text = models.TextField(_("footer text"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock(label=_("Social media link")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("social media links"),
        help_text=_("Shown in the footer of every page."),
    )
    front_end_preview_url = models.URLField(
        _("front-end preview address"),
        blank=True,
        help_text=_(
            "Only for a site shown by a separate front end: the page of that front end that "
            "shows previews. Preview then offers “Front end”, which opens this address with "
            "a short-lived token the front end uses to read the draft from the API."
        ),
    )

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
        FieldPanel("front_end_preview_url"),
    ]

    class Meta:
        verbose_name = _("site settings")
