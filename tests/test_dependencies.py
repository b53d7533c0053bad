"""The pinned dependencies, checked with what is on this machine: the build
machine reaches no vulnerability database (PyPI's JSON API and OSV), so
`pip-audit` runs elsewhere (README, Security); what runs offline runs here.

- `pip check`: every installed package's requirements are met.
- Each pin of requirements.txt and requirements-dev.txt is what is installed.
- Each pinned package's licence, as its installed metadata states it (read by
  pip-licenses), is on the allow-list below, or in EXCEPTIONS after a person
  checked the real licence. A new dependency under GPL or AGPL, or one whose
  metadata says nothing clear, fails here until someone decides.
"""

import json
import re
import subprocess
import sys

from packaging.utils import canonicalize_name

from tests.processes import ROOT

REQUIREMENTS = ["requirements.txt", "requirements-dev.txt"]

# What a web service may use and ship (SPDX ids and the metadata's spellings,
# lower case): permissive licences, and the weak copyleft of LGPL and MPL,
# which bind changes to those libraries only. GPL and AGPL are not here: they
# would reach the service's own code (AGPL over the network).
ALLOWED = {
    "0bsd",
    "apache-2.0",
    "apache software license",
    "bsd",
    "bsd license",
    "bsd-2-clause",
    "bsd-3-clause",
    "cc0-1.0",
    "isc",
    "isc license (iscl)",
    "lgpl-2.1-only",
    "lgpl-2.1-or-later",
    "lgpl-3.0-only",
    "lgpl-3.0-or-later",
    "mit",
    "mit license",
    "mit-cmu",
    "mozilla public license 2.0 (mpl 2.0)",
    "mpl-2.0",
    "psf-2.0",
    "public domain",
    "python software foundation license",
    "zlib",
}

# Packages whose metadata names a licence outside ALLOWED, or none, after
# checking what the package really ships under. Each says why it is fine.
EXCEPTIONS = {
    # Its classifiers list GPL beside BSD and the public domain. Its COPYING
    # (in the dist-info) says the package is public domain with some files
    # under BSD-2-Clause; the GPL covers only the Emacs mode
    # (tools/editors/emacs/rst.el), which the wheel does not install.
    # Pulled in by django-comments-xtd.
    "docutils": "BSD License; GNU General Public License (GPL); Public Domain",
    # Its metadata names no licence; its LICENSE (in the dist-info) is MIT, and
    # the axe-core it bundles (axe.min.js) says MPL-2.0 in its header. Test only.
    "axe-playwright-python": "UNKNOWN",
}


def pins():
    """{canonical name: version} from the requirement files, extras dropped."""
    found = {}
    for filename in REQUIREMENTS:
        for line in (ROOT / filename).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-r"):
                continue
            name, _, version = line.partition("==")
            assert version, f"{filename}: {line!r} is not pinned exactly"
            found[canonicalize_name(re.sub(r"\[.*\]", "", name))] = version.strip()
    return found


def installed():
    """{canonical name: (version, licence)} of every installed distribution,
    as pip-licenses reads it from the metadata (SPDX expression first, then
    the classifiers, then the free-text field)."""
    result = subprocess.run(
        [sys.executable, "-m", "piplicenses", "--with-system", "--from=mixed", "--format=json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return {
        canonicalize_name(row["Name"]): (row["Version"], row["License"])
        for row in json.loads(result.stdout)
    }


def allowed(licence):
    """An SPDX-style expression or a '; '-joined list of classifiers: every
    part of an AND (or of a list, read strictly) must be allowed, and one
    side of an OR is enough. Parentheses only group ORs here; an AND inside
    an OR group is read as a plain AND, stricter than it is, never laxer."""
    return all(
        any(term(choice) in ALLOWED for choice in part.split(" OR "))
        for part in re.split(r" AND |;", licence)
    )


def term(text):
    """One licence's name, lower case, without the expression's grouping
    parentheses (a classifier's own, as in "ISC License (ISCL)", stay)."""
    text = text.strip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].strip()
    return text.lower()


def test_installed_requirements_are_consistent():
    result = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_pin_is_what_is_installed():
    packages = installed()
    wrong = {
        name: (version, packages.get(name, ("missing",))[0])
        for name, version in pins().items()
        if packages.get(name, ("missing",))[0] != version
    }
    assert not wrong, f"pinned vs installed: {wrong}; run pip install -r requirements-dev.txt"


def test_pinned_licences_are_allowed():
    packages = installed()
    refused = {}
    for name in pins():
        licence = packages[name][1]
        if name in EXCEPTIONS:
            # An exception covers the licence that was checked, not a later one.
            assert licence == EXCEPTIONS[name], f"{name} now says {licence!r}: check it again"
        elif not allowed(licence):
            refused[name] = licence
    assert not refused, f"licences to check (see EXCEPTIONS): {refused}"


def test_the_allow_list_reads_expressions_and_classifiers():
    assert allowed("Apache-2.0 OR BSD-2-Clause")
    assert allowed("BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0")
    assert allowed("Apache Software License; BSD License")
    assert allowed("LGPL-3.0-only") and allowed("MPL-2.0 AND MIT")
    assert not allowed("GPL-3.0-or-later")
    assert not allowed("AGPL-3.0-only")
    assert not allowed("MIT AND GPL-2.0-only")
    assert allowed("GPL-2.0-only OR MIT")
    assert allowed("(MIT OR GPL-3.0-only) AND ISC License (ISCL)")
    assert not allowed("BSD License; GNU General Public License (GPL)")
    assert not allowed("UNKNOWN")
    assert not allowed("")
