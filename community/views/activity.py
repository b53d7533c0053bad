from django.conf import settings
from django.shortcuts import render

from cms.paging import paginate
from community.activity import GroupActivity

from .lookup import visible_group


def group_activity(request, slug):
    """What happened in a group lately. A private group's activity is its
    members' business: to anyone else the page, like the group, does not exist."""
    group = visible_group(request, slug)
    page = paginate(request, GroupActivity(group), settings.FORUM_PAGE_SIZE)
    return render(request, "community/group_activity.html", {"group": group, "entries": page})
