"""Import resources from a CSV or JSON file: all of them, or none if any row has a
problem. The rules (columns, upsert by slug, drafts) are in resources/importing/__init__.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from resources.importing import FORMATS, format_from_filename, import_resources


def format_table(rows, headings):
    """A plain text table, one line per row, columns padded to their widest cell."""
    rows = [tuple(str(cell) for cell in row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *rows, strict=True)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headings, tuple("-" * width for width in widths), *rows]
    ]
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Import resources from a CSV or JSON file. Every row is checked first; if any has "
        "a problem, the problems are listed and nothing is written. A row whose slug "
        "exists in its locale updates that resource."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="the file's format (default: from its extension)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and say what would happen, without writing anything",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        file_format = options["format"] or format_from_filename(path.name)
        if file_format is None:
            raise CommandError(f"Cannot tell the format of {path.name}: use --format csv|json.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error

        # The bar goes to stderr so that the report on stdout stays clean to pipe.
        show_progress = self.stderr.isatty() and options["verbosity"] > 0

        def progress(iterable, description, total):
            return tqdm(
                iterable,
                desc=str(description.label),
                total=total,
                unit="row",
                file=self.stderr._out,
                disable=not show_progress,
                leave=False,
            )

        result = import_resources(data, file_format, dry_run=options["dry_run"], progress=progress)
        if not result.ok:
            self.stdout.write(
                format_table(
                    [(error.row_label, error.field, error.reason) for error in result.errors],
                    ("row", "field", "reason"),
                )
            )
            raise CommandError(result.summary)
        if options["verbosity"] > 1 or result.dry_run:
            self.stdout.write(
                format_table(
                    [
                        (plan.row, plan.action, plan.locale.language_code, plan.slug, plan.title)
                        for plan in result.plans
                    ],
                    ("row", "action", "locale", "slug", "title"),
                )
            )
        self.stdout.write(self.style.SUCCESS(result.summary))
