"""After Approve, the admin says what happened.

Wagtail confirms an approval nowhere: the dashboard's Approve answers with no
message at all, and Approve in the edit view says only "'…' has been
updated." Approvals happen in several admin views (the dashboard, the page
and snippet edit views, with or without a comment), and all of them send
Wagtail's `task_approved` signal; so this middleware collects the approvals a
request made and adds one message for each: published, scheduled, or waiting
for the workflow's next step.
"""

from contextvars import ContextVar

from django.contrib import messages
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.models import WorkflowState
from wagtail.signals import task_approved

_approvals = ContextVar("approvals", default=None)


@receiver(task_approved)
def remember_approval(sender, instance, **kwargs):
    approvals = _approvals.get()
    if approvals is not None:
        approvals.append(instance)


def approval_message(task_state):
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    obj = workflow_state.content_object
    if hasattr(obj, "specific"):
        obj = obj.specific
    obj.refresh_from_db()
    title = get_latest_str(obj)
    if workflow_state.status != WorkflowState.STATUS_APPROVED:
        next_task = workflow_state.current_task_state
        return _("'%(title)s' approved; it now waits for the next step: %(task)s.") % {
            "title": title,
            "task": next_task.task.name if next_task else "",
        }
    if getattr(obj, "live", False) and not getattr(obj, "has_unpublished_changes", False):
        return _("'%(title)s' approved and published.") % {"title": title}
    if getattr(obj, "scheduled_revision", None) is not None:
        return _("'%(title)s' approved; it will be published at its scheduled time.") % {
            "title": title
        }
    return _("'%(title)s' approved.") % {"title": title}


def approval_messages(get_response):
    """Listed after Django's message middleware, so the messages it adds are
    stored with the answer (and shown on the page the admin goes to next)."""

    def middleware(request):
        if request.method != "POST" or not request.path_info.startswith("/admin/"):
            return get_response(request)
        approvals = []
        token = _approvals.set(approvals)
        try:
            response = get_response(request)
        finally:
            _approvals.reset(token)
        for task_state in approvals:
            messages.success(request, approval_message(task_state))
        return response

    return middleware
