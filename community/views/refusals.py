"""How the pages answer a `Refused`: with the status the service gave it (the
API answers the same, community/api_writes.py), and its message where the
member acted: on the form they sent, or on a page of its own with a way back.
The pages do not decide what is allowed; the services do."""

from django.core.exceptions import ValidationError
from django.shortcuts import render, resolve_url

from community.forms import invalid_status
from community.permissions import Refused


def refusal_on(form, refused):
    """Show a refusal on the form (by its field, if it names one); returns
    the status the page answers."""
    field = refused.field if refused.field in form.fields else None
    form.add_error(field, ValidationError(refused.message, code=str(refused.status)))
    return refused.status


def refusal_page(request, refused, back):
    """A refused action (a button, not a form): the message, a link `back` to
    where the member was (an object or a URL), and the refusal's status."""
    return render(
        request,
        "community/refused.html",
        {"message": refused.message, "back": resolve_url(back)},
        status=refused.status,
    )


def submitted(request, form, save):
    """A page's form, sent and valid: `save()`, and (what it returns, 200).
    Otherwise (None, the status of the page that shows the form again): 200
    before it is sent, 400 for what was typed (429 when it asked too often),
    or a refusal's, shown on the form (503 when the file store is down)."""
    if not form.is_bound:
        return None, 200
    if not form.is_valid():
        return None, invalid_status(form)
    try:
        return save(), 200
    except Refused as refused:
        return None, refusal_on(form, refused)
