"""Resources and searches that show the editors' synonyms at work, shared by
the PostgreSQL and engine tests (test_synonyms.py) and the SQLite one
(test_synonyms_sqlite.py)."""

import datetime

SYNONYMS = """\
PCP, pre-commercial procurement
SME, SMEs, small and medium-sized enterprise, small and medium-sized enterprises
RFI, market consultation, prior market engagement
LCC, life-cycle costing, whole-life costing
"""

# slug -> (title, summary)
DOCUMENTS = {
    "pcp-long": ("A guide to pre-commercial procurement", "Buyers fund research in phases."),
    "pcp-short": ("PCP in practice", "Lessons from three joint buyers."),
    # The words of a term, not as the term: a phrase, so not found by PCP.
    "words-apart": ("Commercial checklist", "Steps before procurement, and a pre-award review."),
    "sme-short": ("SMEs and public buyers", "Why tenders should be open to them."),
    "sme-long": ("Small and medium-sized enterprises in tenders", "Lots and light paperwork."),
    "rfi": ("RFI template", "Questions to ask suppliers first."),
    "engagement": ("Prior market engagement done well", "Meet the suppliers early."),
    "consultation": ("How to run a market consultation", "An open day for suppliers."),
    "other": ("Energy strategy", "Nothing about buying."),
    # Hyphenated in the first word, and then without the hyphen.
    "lcc-hyphen": ("Life-cycle costing of hospital beds", "Price over the years."),
    "lcc-spaced": ("Whole life costing explained", "Running costs count."),
}

# search -> the documents it finds
SEARCHES = {
    "PCP": {"pcp-long", "pcp-short"},
    "pcp": {"pcp-long", "pcp-short"},
    "pre-commercial procurement": {"pcp-long", "pcp-short"},
    "Pre Commercial PROCUREMENT": {"pcp-long", "pcp-short"},
    "PCP guide": {"pcp-long"},
    "practice pre-commercial procurement": {"pcp-short"},
    "SME": {"sme-short", "sme-long"},
    "small and medium-sized enterprises": {"sme-short", "sme-long"},
    "SMEs tenders": {"sme-long", "sme-short"},
    "RFI": {"rfi", "engagement", "consultation"},
    "prior market engagement": {"rfi", "engagement", "consultation"},
    "market consultation suppliers": {"rfi", "engagement", "consultation"},
    "commercial": {"pcp-long", "words-apart"},
    "energy": {"other"},
    "LCC": {"lcc-hyphen", "lcc-spaced"},
    "life cycle costing": {"lcc-hyphen", "lcc-spaced"},
    "whole-life costing beds": {"lcc-hyphen"},
}


def specs():
    """bulk_resources' specs for DOCUMENTS."""
    return [
        (
            {
                "title": title,
                "summary": summary,
                "resource_type": "guidance",
                "publication_date": datetime.date(2024, 1, 1),
            },
            {},
            [],
        )
        for title, summary in DOCUMENTS.values()
    ]
