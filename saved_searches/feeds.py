"""A saved search as an Atom feed, at a private address (links.feed_path):
the newest resources it finds, in its language, as the Resource Centre
would list them."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.absolute_urls import absolute_url

from .links import feed_target
from .matching import latest_matches


class SavedSearchFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, saved, request):
        super().__init__()
        self.saved, self.request = saved, request

    def get_object(self, request, *args, **kwargs):
        return self.saved

    def title(self, saved):
        return _("%(name)s — %(site)s") % {"name": saved.name, "site": settings.WAGTAIL_SITE_NAME}

    def subtitle(self, saved):
        return _("New resources for a saved search of the Resource Centre.")

    # Absolute URLs from Wagtail's Site, as every feed and email here.
    def link(self, saved):
        return absolute_url(saved.search_url(), self.request)

    def feed_url(self, saved):
        return absolute_url(self.request.path, self.request)

    def items(self, saved):
        return latest_matches(saved).items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_url(), self.request)

    def item_pubdate(self, item):
        return item.first_published_at or item.created_at

    def item_updateddate(self, item):
        return item.last_published_at or item.updated_at


@never_cache  # private: a retired address must stop working at once
def feed(request, token):
    saved = feed_target(token)
    if saved is None:
        raise Http404
    with translation.override(saved.language):
        return SavedSearchFeed(saved, request)(request)
