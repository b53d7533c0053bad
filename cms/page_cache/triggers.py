"""Every change that retires the cached pages: the one list.

A cached page is shared by every anonymous visitor, so all of them are retired
(the generation bumped once the change commits: generation.py) when anything
such a visitor may see on one changes. What each process keeps of the Sites
and Locales (kept.py: root URLs, the Locale of each language) goes with it.

Pages and the site
- a page published, unpublished or moved (Wagtail's page signals), and any
  page row saved or deleted;
- a Site, a Locale or a privacy restriction (PageViewRestriction, which the
  privacy dialog saves without its page) saved or deleted;
- a settings row edited or deleted (one created holds the defaults: it is made
  on a page's first visit and changes nothing).
Snippets
- any snippet published or unpublished (Wagtail's `published` and
  `unpublished`): resources among them.
Resource Centre
- a resource deleted;
- a taxonomy term created, edited or deleted (the terms resources/taxonomies.py
  names), or a topic's name in another language: pages show their labels (and
  what each process keeps of the topics' names goes with it:
  home/term_names.py).
Forum (comments on news pages and resources; public groups' discussions and
comments in site search)
- a comment posted, edited, removed or deleted where anonymous visitors may see
  it (community/cached_pages.py decides); edits and removals are made with
  update() and announced with community.signals.comment_updated;
- a group or a discussion edited (made private, renamed) or deleted.
Search
- the engine's indices rebuilt with the editors' new synonyms (the setting's
  save retired the pages once; pages cached during the rebuild hold the old
  indices' results).
New discussions, and new comments in discussions, reach cached search results
when those expire (PAGE_CACHE_SECONDS): retiring every page for each Forum
post would leave little in the cache.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished


def connect(retire):
    """Calls `retire(**signal_arguments)` on every trigger above."""

    def on(signal, receiver, name, sender=None):
        signal.connect(receiver, sender=sender, weak=False, dispatch_uid=f"page_cache:{name}")

    def site_changed(sender, instance, created=False, **kwargs):
        if isinstance(instance, BaseSiteSetting | BaseGenericSetting):
            if not created:
                retire()
        elif isinstance(instance, Page | Site | Locale | PageViewRestriction):
            retire()

    on(page_published, retire, "page_published")
    on(page_unpublished, retire, "page_unpublished")
    on(post_page_move, retire, "page_moved")
    on(post_save, site_changed, "site_saved")
    on(post_delete, site_changed, "site_deleted")
    on(published, retire, "published")
    on(unpublished, retire, "unpublished")
    topic_name = apps.get_model("home", "TopicName")
    on(post_save, retire, "topic_name_saved", sender=topic_name)
    on(post_delete, retire, "topic_name_deleted", sender=topic_name)
    if apps.is_installed("resources"):
        connect_resource_centre(on, retire)
    if apps.is_installed("community"):
        connect_forum(on, retire)
    if apps.is_installed("search"):
        from search.signals import engine_analysis_changed

        on(engine_analysis_changed, retire, "engine_analysis_changed")


def connect_resource_centre(on, retire):
    from resources.models import Resource
    from resources.taxonomies import MODELS

    on(post_delete, retire, "resource_deleted", sender=Resource)
    for model in MODELS:
        on(post_save, retire, f"term_saved:{model._meta.label}", sender=model)
        on(post_delete, retire, f"term_deleted:{model._meta.label}", sender=model)


def connect_forum(on, retire):
    from community.cached_pages import changes_cached_pages, may_be_on_cached_pages
    from community.models import Discussion, ForumComment, ForumGroup
    from community.signals import comment_updated

    def comment_saved(sender, instance, **kwargs):
        if changes_cached_pages(instance):
            retire()

    def comment_deleted(sender, instance, **kwargs):
        if changes_cached_pages(instance, deleted=True):
            retire()

    def comment_updated_in_place(sender, instance, **kwargs):
        if may_be_on_cached_pages(instance):
            retire()

    def edited(sender, created=False, **kwargs):
        if not created:
            retire()

    on(post_save, comment_saved, "comment_saved", sender=ForumComment)
    on(post_delete, comment_deleted, "comment_deleted", sender=ForumComment)
    on(comment_updated, comment_updated_in_place, "comment_updated", sender=ForumComment)
    for model in (ForumGroup, Discussion):
        on(post_save, edited, f"edited:{model._meta.label}", sender=model)
        on(post_delete, retire, f"deleted:{model._meta.label}", sender=model)
