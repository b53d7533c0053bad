"""The interface's French and German catalogues (locale/<language>/LC_MESSAGES):
every string the code and templates show has a translation in each, the
translations keep their placeholders, and the compiled .mo files the site reads
(committed, so that no gettext is needed to run it) say what the .po files say.

A string added without its translation would otherwise show in English on the
French and German pages, and only someone reading those pages would notice.
"""

import shutil
import subprocess

import polib
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from cms.management.commands.makemessages import NOT_THE_PROJECTS
from tests.processes import ROOT

LANGUAGES = [code for code, _name in django_settings.LANGUAGES if code != "en"]


def catalogue(language, root=ROOT):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogues as `manage.py makemessages` would leave them now: run on a
    copy of the checkout, so the real ones are not touched."""
    copy = tmp_path_factory.mktemp("checkout") / "checkout"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".*", "__pycache__", "*.sqlite3", *NOT_THE_PROJECTS),
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(django_settings, "LOCALE_PATHS", [copy / "locale"])
        call_command("makemessages", locale=LANGUAGES, verbosity=0)
    return {language: polib.pofile(str(catalogue(language, copy))) for language in LANGUAGES}


def where(entry):
    return ", ".join(sorted({path for path, _line in entry.occurrences})) or "?"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_interface_is_translated(extracted, language):
    missing = [
        f"{where(entry)}: {entry.msgid!r}" + (" (fuzzy)" if entry.fuzzy else "")
        for entry in extracted[language]
        if not entry.obsolete and not entry.translated()
    ]
    assert not missing, (
        f"{len(missing)} strings have no {language} translation; run "
        f"`manage.py makemessages -l {language}`, translate them in "
        f"{catalogue(language).relative_to(ROOT)} and compile it (msgfmt):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    """msgfmt --check compares each translation's %(name)s and {name}
    placeholders and plural forms with its source: a wrong one is a KeyError
    or a wrong sentence at run time."""
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(catalogue(language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_source_catalogue(language):
    source = catalogue(language)
    compiled = polib.mofile(str(source.with_suffix(".mo")))

    def translations(entries):
        return {
            (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr for entry in entries
        }

    # A .mo holds the translated entries only, and no header under msgid "".
    in_source = translations(polib.pofile(str(source)).translated_entries())
    in_compiled = translations(entry for entry in compiled if entry.msgid)
    assert in_compiled == in_source, (
        f"compile it: msgfmt -o {source.with_suffix('.mo').relative_to(ROOT)} "
        f"{source.relative_to(ROOT)}"
    )
