"""Demo content for the Procurement Forum: three groups (one private), their
discussions and threaded comments, and the demo users' memberships as
DESIGN.md lists them: alice belongs to every private group, bob to none."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.demo_media import pdf, picture

from .attachments import attach
from .models import Discussion, ForumComment, ForumGroup, Membership, Profile, Role, Visibility
from .moderation import flag
from .tasks import process_image
from .uploads import check_upload

PROFILES = {
    "alice": ("Alice Andersen", "City of Aarhus, procurement office", "DK", "Procurement officer"),
    "bob": ("Bob Bakker", "Rijkswaterstaat", "NL", "Innovation manager"),
    "moderator": ("Mo Moderator", "Platform team", "EU", "Forum moderator"),
    "editor": ("Eda Editor", "Platform team", "EU", "Editor"),
}

GROUPS = [
    {
        "slug": "zero-emission-transport",
        "name": "Zero-emission public transport",
        "visibility": Visibility.PUBLIC,
        "description": (
            "Buyers of buses, ferries and charging infrastructure compare tenders, "
            "total-cost-of-ownership models and market consultations."
        ),
        "members": {"alice": Role.OWNER, "bob": Role.MEMBER, "editor": Role.MODERATOR},
        "discussions": [
            (
                "Battery warranties in e-bus tenders",
                "How long a battery warranty do you ask for, and how do you score "
                "longer ones?\n\nWe are drafting award criteria for 40 articulated buses.",
                [
                    (
                        "bob",
                        "We ask for 8 years and score each extra year. Suppliers answered well.",
                    ),
                    ("alice", "Did anyone bid with battery leasing instead?", 0),
                    ("bob", "Two of five bidders did; we allowed it as a variant.", 1),
                    ("editor", "There is a good case study on this in the Resource Centre."),
                ],
            ),
            (
                "Market consultation for hydrogen ferries",
                "We plan an open market consultation in spring. Who has run one for "
                "vessels, and what did you publish beforehand?",
                [("alice", "We published a prior information notice and a short needs paper.")],
            ),
        ],
    },
    {
        "slug": "digital-health-buyers",
        "name": "Digital health buyers",
        "visibility": Visibility.PUBLIC,
        "description": "Hospitals and regions buying telemonitoring, AI triage and e-health services.",
        "members": {"bob": Role.OWNER, "alice": Role.MEMBER},
        "discussions": [
            (
                "Data protection clauses for telemonitoring",
                "Which clauses do you put in contracts for remote patient monitoring?",
                [
                    (
                        "alice",
                        "A data processing agreement annex, plus exit and data return terms.",
                    ),
                    ("bob", "And an audit right for the contracting authority.", 0),
                ],
            ),
        ],
    },
    {
        "slug": "pcp-emergency-dispatch",
        "name": "PCP consortium: AI for emergency dispatch",
        "visibility": Visibility.PRIVATE,
        "description": (
            "Working space of the buyers group running a pre-commercial procurement of "
            "AI support for emergency call handling."
        ),
        "members": {"alice": Role.OWNER, "editor": Role.MEMBER},
        "discussions": [
            (
                "Phase 2 evaluation schedule",
                "Draft schedule for evaluating the phase 2 prototypes. Please comment "
                "by Friday.\n\n1. Lab tests in week 10\n2. Field tests in week 14",
                [
                    ("editor", "Week 14 clashes with the Easter holidays in two partner regions."),
                    ("alice", "Good catch: moving field tests to week 16.", 0),
                ],
            ),
        ],
    },
]


class ForumDemoLoader:
    def __init__(self, log=print):
        self.log = log

    def run(self):
        users = self.people()
        created = 0
        for spec in GROUPS:
            group, new = ForumGroup.objects.get_or_create(
                slug=spec["slug"],
                defaults={
                    "name": spec["name"],
                    "visibility": spec["visibility"],
                    "description": spec["description"],
                    "created_by": users[next(iter(spec["members"]))],
                },
            )
            created += new
            for username, role in spec["members"].items():
                Membership.objects.get_or_create(
                    group=group, user=users[username], defaults={"role": role}
                )
            owner = users[next(iter(spec["members"]))]
            for number, (title, body, comments) in enumerate(spec["discussions"]):
                discussion = self.discussion(group, owner, users, title, body, comments)
                if discussion is not None and number == 0:
                    self.attachments(group, owner, discussion)
        # One comment waits in the moderators' queue (Forum → Flagged comments).
        reported = ForumComment.objects.filter(scope__slug="zero-emission-transport").exclude(
            user=users["bob"]
        )
        if reported.exists():
            flag(reported.order_by("pk").first(), users["bob"])
        self.page_comments(users)
        self.log(f"Forum demo content ready ({created} groups created).")

    @staticmethod
    def page_comments(users):
        """Comments on the first resource: a public exchange, and a note that
        only the private PCP group sees (alice does; bob does not)."""
        from resources.models import Resource

        resource = Resource.objects.filter(live=True).order_by("pk").first()
        if resource is None or ForumComment.objects.on(resource).exists():
            return
        private = ForumGroup.objects.get(slug="pcp-emergency-dispatch")
        notes = [
            ("bob", "We used the checklist in section 3 for our first PCP. Worth reading.", None),
            ("alice", "Agreed. Its advice on IPR sharing saved us a long debate.", 0),
            (
                "alice",
                "For our dispatch PCP: let us reuse its evaluation grid in phase 2.",
                private,
            ),
            ("editor", "Good idea; I will adapt the grid before our next call.", 2),
        ]
        posted = []
        for username, text, audience in notes:
            parent = posted[audience] if isinstance(audience, int) else None
            scope = audience if isinstance(audience, ForumGroup) else None
            if parent is not None:
                scope = parent.scope  # a reply is seen by its parent's audience
            comment = ForumComment.objects.new_on(
                resource, users[username], text, parent, scope=scope
            )
            comment.save()
            posted.append(comment)

    def people(self):
        User = get_user_model()
        users = {
            user.username: user for user in User.objects.filter(username__in=["admin", *PROFILES])
        }
        for username, (name, organisation, country, role) in PROFILES.items():
            user = users[username]
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "display_name": name,
                    "organisation": organisation,
                    "country_id": self.country_id(country),
                    "role": role,
                },
            )
        # allauth lets nobody in before their address is confirmed.
        for user in users.values():
            EmailAddress.objects.update_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        users["moderator"].groups.add(Group.objects.get(name="Forum moderators"))
        return users

    @staticmethod
    def country_id(code):
        from home.models import Country

        return Country.objects.filter(code=code).values_list("pk", flat=True).first()

    def discussion(self, group, owner, users, title, body, comments):
        start = timezone.now() - datetime.timedelta(days=len(title) % 9 + 2)
        discussion, new = Discussion.objects.get_or_create(
            group=group,
            title=title,
            defaults={"body": body, "author": owner, "created_at": start},
        )
        if not new:
            return None
        posted = []
        for number, (username, text, *reply_to) in enumerate(comments):
            parent = posted[reply_to[0]] if reply_to else None
            user = users[username]
            comment = ForumComment.objects.new_on(
                discussion, user, text, parent, start + datetime.timedelta(hours=number + 1)
            )
            comment.save()
            posted.append(comment)
        discussion.comment_count = len(posted)
        discussion.last_activity_at = start + datetime.timedelta(hours=len(posted))
        discussion.save()
        ForumGroup.objects.filter(pk=group.pk).update(last_activity_at=discussion.last_activity_at)
        return discussion

    @staticmethod
    def attachments(group, owner, discussion):
        """A briefing note on the first discussion of each group, and a picture
        on its first comment, stored as members' uploads are."""
        briefing = ContentFile(
            pdf(
                f"{group.name}: briefing note",
                [
                    "Written for the demo of the Procurement of Innovation Platform.",
                    f"It summarises what the group discusses: {discussion.title.lower()}.",
                ],
            ),
            name="briefing-note.pdf",
        )
        attach(check_upload(briefing), group, owner, discussion=discussion)
        first = ForumComment.objects.filter(object_pk=str(discussion.pk)).order_by("pk").first()
        if first is not None:
            image = ContentFile(picture(group.pk, size=(800, 450)), name="whiteboard.png")
            # Processed here rather than by the worker: the demo is whole as
            # soon as load_demo ends, with or without a worker running.
            process_image.call(attach(check_upload(image), group, first.user, comment=first).pk)
