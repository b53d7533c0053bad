"""Saving a Resource Centre search, and managing saved searches on the
member's account page; the unsubscribe link of alert emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.absolute_urls import absolute_url
from search.faceted import UnknownFacetValue

from .forms import SavedSearchForm
from .links import BadLink, feed_path, unsubscribe_target
from .models import Frequency, SavedSearch
from .querystrings import describe, normalise, saved_query
from .saving import Refused, default_name, own_search, save_search


@login_required
@require_POST
def save(request):
    """The "Save this search" form of the Resource Centre: the search's own
    parameters, a name and a frequency. Back to the search either way, with
    a message saying what happened."""
    try:
        query_string, query = normalise(request.POST)
    except UnknownFacetValue as error:
        messages.error(request, str(error))
        return redirect("resources:index")
    back = reverse("resources:index") + (f"?{query_string}" if query_string else "")
    data = request.POST.copy()
    data["name"] = data.get("name", "").strip() or default_name(query)
    form = SavedSearchForm(data)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        saved = save_search(
            request.user,
            query_string,
            get_language(),
            form.cleaned_data["name"],
            form.cleaned_data["frequency"],
        )
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect(back)
    messages.success(
        request,
        _("Search saved as “%(name)s”. Manage it under Your saved searches.")
        % {"name": saved.name},
    )
    return redirect(back)


@never_cache
@login_required
def saved_list(request):
    searches = list(SavedSearch.objects.filter(user=request.user))
    rows = [
        {
            "saved": saved,
            "criteria": describe(saved_query(saved)),
            "form": SavedSearchForm(instance=saved, prefix=f"s{saved.pk}"),
            "feed_url": absolute_url(feed_path(saved), request),
        }
        for saved in searches
    ]
    return render(request, "saved_searches/saved_list.html", {"rows": rows})


@login_required
@require_POST
def update(request, pk):
    saved = own_search(request.user, pk)
    form = SavedSearchForm(request.POST, instance=saved, prefix=f"s{saved.pk}")
    if form.is_valid():
        form.save()
        messages.success(request, _("“%(name)s” is saved.") % {"name": saved.name})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("saved_searches:list")


@login_required
@require_POST
def delete(request, pk):
    saved = own_search(request.user, pk)
    saved.delete()
    messages.success(request, _("“%(name)s” is deleted.") % {"name": saved.name})
    return redirect("saved_searches:list")


@login_required
@require_POST
def new_feed_address(request, pk):
    saved = own_search(request.user, pk)
    saved.renew_feed_key()
    messages.success(
        request,
        _("The feed of “%(name)s” has a new address; the old one no longer works.")
        % {"name": saved.name},
    )
    return redirect("saved_searches:list")


@csrf_exempt  # the signed token is the authority; mail programs POST it without a session
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The link in every alert: no sign-in needed. Opening it shows one
    button, because mail scanners open links on their own; the button (or a
    mail program's one-click unsubscribe, RFC 8058) stops the emails."""
    try:
        saved = unsubscribe_target(token)
    except BadLink:
        return render(request, "saved_searches/bad_link.html", status=400)
    if saved is None:
        return render(request, "saved_searches/bad_link.html", {"gone": True}, status=404)
    done = request.method == "POST"
    if done and saved.frequency != Frequency.NEVER:
        saved.frequency = Frequency.NEVER
        saved.save(update_fields=["frequency"])
    return render(request, "saved_searches/unsubscribe.html", {"saved": saved, "done": done})
