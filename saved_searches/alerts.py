"""Alert emails: what is new for a saved search since its last alert, sent by
the background worker (saved_searches/tasks.py)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from cms.absolute_urls import site_root_url

from .links import unsubscribe_path
from .matching import new_matches
from .querystrings import describe, saved_query


def alert_message(saved, since, until):
    """The email for the resources first published in (since, until] that the
    search finds, or None when there are none: nothing new, nothing sent."""
    page = new_matches(saved, since, until)
    if page is None or not page.total:
        return None
    root = site_root_url()  # once: the links of an alert cost no query each
    unsubscribe = root + unsubscribe_path(saved)
    context = {
        "saved": saved,
        "resources": [(resource, root + resource.get_url()) for resource in page.items],
        "total": page.total,
        "more": page.total - len(page.items),
        "criteria": describe(saved_query(saved)),
        "search_url": root + saved.search_url() + ("&" if saved.query else "?") + "sort=newest",
        "manage_url": root + reverse("saved_searches:list"),
        "unsubscribe_url": unsubscribe,
    }
    text = render_to_string("saved_searches/email/alert.txt", context)
    subject, _, body = text.partition("\n")
    message = EmailMultiAlternatives(
        subject.strip(),
        body.strip() + "\n",
        to=[saved.user.email],
        # One-click unsubscribe for mail programs (RFC 8058): they POST to it.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string("saved_searches/email/alert.html", context), "text/html"
    )
    return message
