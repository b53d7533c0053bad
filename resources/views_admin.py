"""Admin views for resources: the bulk import (upload, then a run's progress and
report), and the listing that links to it."""

import csv

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView

from .importing import FORMATS, ImportFileError, column_label, format_from_filename, read_whole_file
from .models import ImportRun, Resource
from .tasks import queue_import, settle_stalled_runs

# The file is stored in the database until the worker has imported it.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
RECENT_RUNS = 10


def resource_listing_url():
    return reverse(Resource.snippet_viewset.get_url_name("list"))


class ResourceImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A .csv file with a header row, or a .json list of objects; at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("From the file name")), *((name, name.upper()) for name in FORMATS)],
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not upload:
            return cleaned
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB: split it."))
        file_format = cleaned.get("format") or format_from_filename(upload.name)
        if file_format is None:
            self.add_error("format", _("Cannot tell the format from the file name: choose one."))
            return cleaned
        cleaned["format"] = file_format
        try:
            cleaned["text"], cleaned["rows"] = read_whole_file(upload.read(), file_format)
        except ImportFileError as error:
            for problem in error.args[0]:
                self.add_error("file", capfirst(problem))
        return cleaned


class ImportPermissionMixin(PermissionCheckedMixin):
    permission_policy = ModelPermissionPolicy(Resource)
    # An import adds, changes and (through its `live` column) publishes
    # resources in bulk: moderators' work, not an editor's, whose edits are drafts.
    # Runs and their reports are seen by whoever may import.
    permission_required = "publish"


class ImportBreadcrumbsMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def parent_breadcrumbs(self):
        return [
            {"url": resource_listing_url(), "label": capfirst(Resource._meta.verbose_name_plural)}
        ]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.parent_breadcrumbs(),
            {"url": "", "label": self.get_page_title()},
        ]


class ResourceImportView(ImportPermissionMixin, ImportBreadcrumbsMixin, FormView):
    """Upload a file. What can be said of the file as a whole (its encoding, its
    columns) is said at once; then the worker checks every row and, if all are
    good, imports them all (resources/tasks.py), while the run's page shows how far it is."""

    form_class = ResourceImportForm
    template_name = "resources/admin/import.html"
    page_title = _("Import resources")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listing_url"] = resource_listing_url()
        settle_stalled_runs()
        context["runs"] = ImportRun.objects.select_related("user")[:RECENT_RUNS]
        return context

    def form_valid(self, form):
        run = queue_import(
            self.request.user,
            form.cleaned_data["file"].name,
            form.cleaned_data["format"],
            form.cleaned_data["text"],
            form.cleaned_data["rows"],
            get_language(),
        )
        return redirect("resources_import_run", run.pk)


class ImportRunView(ImportPermissionMixin, ImportBreadcrumbsMixin, TemplateView):
    """A run's progress while the worker has it (the page reloads itself), then
    its result: the counts, or every problem, with the report to download."""

    template_name = "resources/admin/import_run.html"
    # While the run is under way the page asks for itself again this often.
    refresh_seconds = 2

    def get_page_title(self):
        return _("Import of %(filename)s") % {"filename": self.run.filename}

    def parent_breadcrumbs(self):
        return [
            *super().parent_breadcrumbs(),
            {"url": reverse("resources_import"), "label": ResourceImportView.page_title},
        ]

    @cached_property
    def run(self):
        settle_stalled_runs()
        return get_object_or_404(ImportRun.objects.select_related("user"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.run
        context.update(
            run=run,
            problems=[
                {**problem, "label": column_label(problem["field"])} for problem in run.problems
            ],
            refresh_seconds=None if run.finished else self.refresh_seconds,
            listing_url=resource_listing_url(),
        )
        return context


class ImportReportView(ImportPermissionMixin, View):
    """The problems of a run as a CSV file, to work through next to the spreadsheet."""

    def get(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = run.filename.rsplit(".", 1)[0] or "import"
        response["Content-Disposition"] = f'attachment; filename="{name}-problems.csv"'
        # With a byte order mark Excel opens it as UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([_("Row"), _("Column"), _("Value"), _("Problem")])
        for problem in run.problems:
            writer.writerow(
                [
                    problem["row"] if problem["row"] is not None else _("file"),
                    column_label(problem["field"]),
                    problem["value"],
                    problem["reason"],
                ]
            )
        return response


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
