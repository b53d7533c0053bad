from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SavedSearch


class SavedSearchForm(forms.ModelForm):
    """Name and frequency: what a member sets when saving a search and changes later."""

    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": _("Name"), "frequency": _("Email")}
