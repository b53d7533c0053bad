"""Admin views for resources: the bulk import page, and the listing that links to it."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView

from .importing import FORMATS, format_from_filename, import_resources
from .models import Resource

# After a successful check the file's text travels back in a hidden field, so the
# editor does not have to choose it again; Django caps form fields (not uploads) at
# DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB by default, so uploads stay below that.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def resource_listing_url():
    return reverse(Resource.snippet_viewset.get_url_name("list"))


class ResourceImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "A .csv file with a header row, or a .json list of objects; UTF-8, at most 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("From the file name")), *((name, name.upper()) for name in FORMATS)],
    )
    # Set after a successful check: the checked file, imported by "Import".
    content = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 2 MB: split it."))
            cleaned["data"] = upload.read()
            cleaned["filename"] = upload.name
        elif cleaned.get("content"):
            cleaned["data"] = cleaned["content"]
        else:
            raise forms.ValidationError(_("Choose a file to import."))
        file_format = cleaned.get("format") or format_from_filename(cleaned.get("filename", ""))
        if file_format is None:
            self.add_error("format", _("Cannot tell the format from the file name: choose one."))
        cleaned["format"] = file_format
        return cleaned


class ResourceImportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file, see every problem or what would happen, then import it all or
    none. "Check" never writes; "Import" checks again and writes if all is well."""

    permission_policy = ModelPermissionPolicy(Resource)
    # An import adds, changes and (through its `live` column) publishes
    # resources in bulk: moderators' work, not an editor's, whose edits are drafts.
    permission_required = "publish"
    form_class = ResourceImportForm
    template_name = "resources/admin/import.html"
    page_title = _("Import resources")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": resource_listing_url(), "label": capfirst(Resource._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listing_url"] = resource_listing_url()
        return context

    def form_valid(self, form):
        data = form.cleaned_data["data"]
        file_format = form.cleaned_data["format"]
        dry_run = self.request.POST.get("action") != "import"
        result = import_resources(data, file_format, user=self.request.user, dry_run=dry_run)
        if result.ok and not dry_run:
            messages.success(self.request, result.summary)
            return redirect(resource_listing_url())
        confirm_form = None
        if result.ok:
            text = data if isinstance(data, str) else data.decode("utf-8-sig")
            confirm_form = ResourceImportForm(
                initial={
                    "content": text,
                    "filename": form.cleaned_data["filename"],
                    "format": file_format,
                }
            )
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(),
                result=result,
                confirm_form=confirm_form,
                filename=form.cleaned_data["filename"],
            )
        )


class ResourceIndexView(IndexView):
    """The resource listing, with "Import" next to its download buttons."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.user_has_permission(ResourceImportView.permission_required):
            buttons.append(
                Button(
                    _("Import CSV or JSON"),
                    url=reverse("resources_import"),
                    icon_name="upload",
                    priority=80,
                )
            )
        return buttons
