"""The endpoint form: events as checkboxes, and a secret that is shown only
while the endpoint is being created."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .events import event_types


def event_choices():
    return [(event_type, event_type) for event_type in event_types()]


class EndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Events are POSTed here, as JSON (http:// or https://)."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=event_choices, widget=forms.CheckboxSelectMultiple
    )
    secret = forms.CharField(label=_("Secret"), min_length=16, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["secret"]
        if self.instance.pk:
            field.required = False
            field.widget = forms.PasswordInput(render_value=False)
            field.help_text = _("Leave empty to keep the current secret, which is not shown.")
        else:
            field.initial = secrets.token_hex(32)
            field.help_text = _(
                "Signs every request (HMAC-SHA256). Copy it into the receiver now: "
                "it is not shown again once the endpoint is saved."
            )

    def clean_secret(self):
        return self.cleaned_data["secret"] or self.instance.secret
