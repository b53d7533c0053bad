"""The field's synonyms and acronyms editors start from (Settings › Search
synonyms), and the permission for editors and moderators to keep them. The
terms of the EU's procurement directives and innovation programmes, with the
French and German names of PCP and PPI for the translated resources."""

from django.db import migrations

from home.migrations import _permissions

STARTING_SYNONYMS = """\
PCP, pre-commercial procurement, precommercial procurement, achats publics avant commercialisation, vorkommerzielle Auftragsvergabe
PPI, public procurement of innovation, public procurement of innovative solutions, achats publics de solutions innovantes, öffentliche Beschaffung innovativer Lösungen
SME, SMEs, small and medium-sized enterprise, small and medium-sized enterprises, small and medium enterprises
RFI, request for information, market consultation, preliminary market consultation, open market consultation, prior market engagement, market engagement
PIN, prior information notice
MEAT, most economically advantageous tender
ESPD, European Single Procurement Document
DPS, dynamic purchasing system
CPB, central purchasing body, central purchasing bodies
OJEU, Official Journal of the European Union
TED, Tenders Electronic Daily
GPA, Government Procurement Agreement
GPP, green public procurement
SRPP, socially responsible public procurement
IPR, IPRs, intellectual property rights
TRL, TRLs, technology readiness level, technology readiness levels
LCC, life-cycle costing, life cycle costing, whole-life costing
TCO, total cost of ownership
KPI, KPIs, key performance indicator, key performance indicators
EIC, European Innovation Council
"""

EDITORS = [("search", "searchsynonyms", ("change", "view"))]


def start(apps, schema_editor):
    SearchSynonyms = apps.get_model("search", "SearchSynonyms")
    if not SearchSynonyms.objects.exists():
        SearchSynonyms.objects.create(synonyms=STARTING_SYNONYMS)
    _permissions.grant(apps, "Editors", EDITORS)
    _permissions.grant(apps, "Moderators", EDITORS)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_synonyms"),
        ("home", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(start, migrations.RunPython.noop)]
