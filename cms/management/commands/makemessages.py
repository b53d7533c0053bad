"""Django's makemessages, limited to the project's own strings.

`python manage.py makemessages -l fr -l de` (from the checkout's root) reads the
apps and templates only: the tests, benchmarks, scripts, the TypeScript example
and the folders of tools and outputs hold no visitor-facing string, and the
installed packages bring their own catalogues. Each entry names the files it
comes from (not their lines, which change with every edit), so a translator sees
where a string is shown. tests/test_catalogues.py runs this same command to
find strings without a translation.
"""

from django.core.management.commands import makemessages

NOT_THE_PROJECTS = [
    ".venv",
    "tests",
    "bench",
    "examples",
    "scripts",
    "node_modules",
    "media",
    "artifacts",
    "static_collected",
]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options["ignore_patterns"], *NOT_THE_PROJECTS]
        if not options["no_location"] and not options["add_location"]:
            options["add_location"] = "file"
        return super().handle(*args, **options)
