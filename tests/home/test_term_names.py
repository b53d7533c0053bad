"""Country and language names as each of the site's languages shows them
(home/term_names.py): the stored English name in English, CLDR's elsewhere,
the project's own catalogue for what CLDR names differently."""

import pytest
from django.utils import translation

from home.models import Country
from home.term_names import country_name, in_shown_order, language_name


@pytest.mark.parametrize(
    ("language", "austria", "finnish", "european_level"),
    [
        ("en", "Austria", "Finnish", "European level"),
        ("fr", "Autriche", "Finnois", "Niveau européen"),
        ("de", "Österreich", "Finnisch", "Europäische Ebene"),
    ],
)
def test_names_in_each_language(language, austria, finnish, european_level):
    with translation.override(language):
        assert country_name("AT", "Austria") == austria
        # A language name starts a list item or a link: capitalised, though
        # French writes it in lower case inside a sentence.
        assert language_name("fi", "Finnish") == finnish
        # EU is "European level" here; CLDR's EU is the European Union.
        assert country_name("EU", "European level") == european_level


def test_english_shows_the_name_as_an_editor_stored_it():
    with translation.override("en"):
        assert country_name("AT", "Republic of Austria") == "Republic of Austria"
    with translation.override("fr"):
        assert country_name("AT", "Republic of Austria") == "Autriche"


def test_a_code_cldr_does_not_know_keeps_its_stored_name():
    with translation.override("de"):
        assert country_name("QQ", "Atlantis") == "Atlantis"
        assert language_name("qq", "Atlantean") == "Atlantean"


def test_shown_names_sort_with_their_accents_among_their_letters():
    countries = [
        Country(code=code, name=name)
        for code, name in [("PL", "Poland"), ("AT", "Austria"), ("NO", "Norway")]
    ]
    with translation.override("de"):
        assert [c.shown_name for c in in_shown_order(countries)] == [
            "Norwegen",
            "Österreich",
            "Polen",
        ]
