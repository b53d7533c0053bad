"""Webhooks in the admin, under Settings: the endpoints (for those with the
model's permissions, superusers by default) and the delivery log (read-only,
for those who may view it)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .forms import EndpointForm
from .models import Delivery, Endpoint


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    url_prefix = "webhooks/endpoints"
    copy_view_enabled = False  # a copy's form would be filled with the secret
    add_to_reference_index = False
    list_display = [
        "name",
        "url",
        Column("events", label=_("Events"), accessor=lambda endpoint: ", ".join(endpoint.events)),
        "active",
        "updated_at",
    ]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("secret"),
            FieldPanel("events"),
            FieldPanel("active"),
        ],
        base_form_class=EndpointForm,
    )


class DeliveryLogPolicy(ModelPermissionPolicy):
    """Deliveries are written by the worker alone: people may only look."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "history"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    url_prefix = "webhooks/deliveries"
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False  # the worker writes deliveries: no usage to track
    exclude_form_fields = []  # never shown: nobody may add or change a delivery
    list_display = [
        "event_type",
        "endpoint",
        "status",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "event_type", "endpoint"]
    inspect_view_fields = [
        "endpoint",
        "event_type",
        "event_id",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "created_at",
        "updated_at",
        "payload",
    ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_delivery")


register_permission_policy(Delivery, DeliveryLogPolicy(Delivery))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EndpointViewSet("webhook_endpoints"), DeliveryViewSet("webhook_deliveries")]
