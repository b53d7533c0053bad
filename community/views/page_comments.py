"""Comments on news pages and resources, each seen by everyone or by one of
its author's groups (community/targets.py lists what takes comments)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from community import posting
from community.forms import PageCommentForm

from .lookup import find_target
from .refusals import submitted


@login_required
@require_POST
def page_comment_post(request, kind, object_id):
    target = find_target(kind, object_id)
    form = PageCommentForm(request.user, request.POST)
    comment, status = submitted(
        request,
        form,
        lambda: posting.post_page_comment(
            request.user,
            target,
            form.cleaned_data["comment"],
            parent_id=form.cleaned_data["parent"],
            shared_with=form.cleaned_data["scope"],
        ),
    )
    if comment is not None:
        return redirect(comment.get_absolute_url())
    # The page itself is a Wagtail page or a resource: the form comes back on
    # a page of its own, with what was typed and what is wrong.
    return render(
        request,
        "community/page_comment_form.html",
        {"form": form, "target": target, "target_url": target.get_url()},
        status=status,
    )
