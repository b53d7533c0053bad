"""Bulk import of resources (resources/importing.py): the checks, all-or-nothing
writing, upsert by slug, the `import_resources` command, the admin's import page,
and the listing's CSV export."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from home.models import Country
from resources.importing import body_to_rich_text, import_resources
from resources.models import ImportRun, Resource
from tests.cms.factories import UserFactory
from tests.home.factories import TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]

HEADER = [
    "title",
    "slug",
    "summary",
    "body",
    "resource_type",
    "topics",
    "countries",
    "languages",
    "procurement_types",
    "publisher",
    "publication_date",
    "external_url",
    "tags",
    "featured",
    "live",
]


def to_csv(rows, header=HEADER, delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


GOOD_ROWS = [
    [
        "Buying innovative health care",
        "",
        "How hospitals buy what does not exist yet.",
        "<h1>Why</h1><p>Launch customers <b>share the risk</b>.</p><script>alert(1)</script>",
        "Guidance or tool",
        "health;Energy",
        "FI|eu",
        "en;fi",
        "ppi|PCP",
        "Procurement Agency",
        "2024-03-01",
        "https://example.org/health",
        "market consultation;hospitals",
        "true",
        "",
    ],
    [
        "Energy PCP study",
        "energy-pcp-study",
        "What the energy PCPs achieved.",
        "First paragraph & more.\n\nSecond <paragraph>?",
        "report",
        "energy",
        "NL",
        "fr",
        "pcp",
        "",
        "2023-01-15",
        "",
        "",
        "",
        "false",
    ],
]


@pytest.fixture
def topics(db):
    return [
        TopicFactory(slug="health", name="Health"),
        TopicFactory(slug="energy", name="Energy"),
    ]


def grant(user, *codenames):
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def importer(editor):
    """An editor who may add, change and publish resources."""
    return grant(editor, "add_resource", "change_resource", "publish_resource")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def reasons(result):
    return {(error.row, error.field, error.reason) for error in result.errors}


# --- the import itself ----------------------------------------------------------


def test_valid_csv_creates_live_resources_with_every_relation(
    topics, django_capture_on_commit_callbacks
):
    # Indexing waits for the import's transaction to commit: run it as a commit would.
    with django_capture_on_commit_callbacks(execute=True):
        result = import_resources(to_csv(GOOD_ROWS), "csv")

    assert result.ok, result.errors
    assert (result.created, result.updated, result.published, result.drafts) == (2, 0, 1, 1)
    health = Resource.objects.get(slug="buying-innovative-health-care")
    assert health.live and health.latest_revision is not None
    assert health.resource_type == "guidance"
    assert {t.slug for t in health.topics.all()} == {"health", "energy"}
    assert {c.code for c in health.countries.all()} == {"FI", "EU"}
    assert {lang.code for lang in health.languages.all()} == {"en", "fi"}
    assert {p.slug for p in health.procurement_types.all()} == {"ppi", "pcp"}
    assert set(health.tags.names()) == {"market consultation", "hospitals"}
    assert health.publisher == "Procurement Agency"
    assert str(health.publication_date) == "2024-03-01" and health.publication_year == 2024
    assert health.external_url == "https://example.org/health"
    assert health.featured
    # HTML keeps what the rich text editor allows: no script, h1 becomes h2.
    assert "<b>share the risk</b>" in health.body
    assert "<h2" in health.body and "script" not in health.body and "alert" not in health.body

    study = Resource.objects.get(slug="energy-pcp-study")
    assert not study.live and not study.featured
    # Plain text is escaped and wrapped in paragraphs.
    assert study.body == "<p>First paragraph &amp; more.</p><p>Second &lt;paragraph&gt;?</p>"

    assert list(Resource.objects.visible()) == [health]
    # Published through a revision, so the `published` signal indexed it on commit.
    found = get_search_backend().search("hospitals buy", Resource.objects.visible())
    assert health in list(found)


def test_json_import_takes_lists_and_booleans(topics):
    data = json.dumps(
        [
            {
                "title": "Smart city toolkit",
                "summary": "Tools for buying smart city solutions.",
                "resource_type": "GUIDANCE",
                "topics": ["energy"],
                "countries": ["ES", "EU"],
                "languages": ["es"],
                "procurement_types": ["ppi"],
                "tags": ["smart city"],
                "featured": True,
                "published": True,
                "publication_date": "2022-06-30",
            },
            {
                "title": "Draft note",
                "slug": "draft-note",
                "summary": "Not yet.",
                "resource_type": "link",
                "external_url": "https://example.org/note",
                "live": False,
            },
        ]
    )
    result = import_resources(data.encode(), "json")

    assert result.ok, result.errors
    assert result.created == 2
    toolkit = Resource.objects.visible().get()
    assert toolkit.slug == "smart-city-toolkit" and toolkit.featured
    assert {c.code for c in toolkit.countries.all()} == {"ES", "EU"}
    assert list(toolkit.tags.names()) == ["smart city"]
    assert not Resource.objects.get(slug="draft-note").live


def test_one_bad_row_writes_nothing_and_every_problem_is_reported(topics):
    tags_before = Tag.objects.count()
    rows = [
        GOOD_ROWS[0],
        ["Typo", "", "S.", "", "report", "helth", "", "", "", "", "", "", "new-tag", "", ""],
        ["Bad date", "", "S.", "", "report", "", "", "", "", "", "2024-13-01", "", "", "", ""],
        ["Bad URL", "", "S.", "", "report", "", "", "", "", "", "", "not a url", "", "", ""],
        ["", "", "S.", "", "report", "", "", "", "", "", "", "", "", "", ""],
        [
            "Wrong",
            "",
            "S.",
            "",
            "brochure",
            "",
            "XX",
            "xx",
            "ppp",
            "",
            "01/02/2024",
            "",
            "",
            "maybe",
            "",
        ],
        ["x" * 256, "", "y" * 1001, "", "report", "", "", "", "", "", "", "", "", "", ""],
    ]
    result = import_resources(to_csv(rows), "csv")

    assert not result.ok
    assert Resource.objects.count() == 0
    assert Tag.objects.count() == tags_before
    by_field = {(row, field): reason for row, field, reason in reasons(result)}
    # The header is row 1, so the first resource is row 2.
    assert by_field[(3, "topics")].startswith("unknown topic 'helth'")
    assert "did you mean 'health'" in by_field[(3, "topics")]
    assert by_field[(4, "publication_date")] == "'2024-13-01' is not a date as YYYY-MM-DD"
    assert "Enter a valid URL" in by_field[(5, "external_url")]
    assert by_field[(6, "title")] == "required"
    assert by_field[(7, "resource_type")].startswith("unknown resource type 'brochure'")
    assert by_field[(7, "countries")].startswith("unknown country 'XX'")
    assert by_field[(7, "languages")].startswith("unknown language 'xx'")
    assert by_field[(7, "procurement_types")].startswith("unknown procurement type 'ppp'")
    assert by_field[(7, "publication_date")] == "'01/02/2024' is not a date as YYYY-MM-DD"
    assert by_field[(7, "featured")] == "'maybe' is not true or false"
    assert by_field[(8, "title")] == "too long: 256 characters, at most 255"
    assert by_field[(8, "summary")] == "too long: 1001 characters, at most 1000"
    assert 2 not in {row for row, _, _ in reasons(result)}
    assert "nothing was imported" in result.summary


def test_file_level_problems_are_reported_without_a_row():
    result = import_resources(b"title,summary,resource_tpye\nA,B,report\n", "csv")
    assert [(e.row, e.field) for e in result.errors] == [(None, "resource_tpye")]
    assert "unknown column 'resource_tpye'" in result.errors[0].reason

    assert not import_resources(b"\xff\xfe\x00", "csv").ok
    assert "not valid JSON" in import_resources(b"[{", "json").errors[0].reason
    assert not import_resources(b'{"title": "x"}', "json").ok
    assert Resource.objects.count() == 0


def test_duplicate_slugs_in_the_file_are_reported(topics):
    rows = [GOOD_ROWS[0], [*GOOD_ROWS[1][:1], "buying-innovative-health-care", *GOOD_ROWS[1][2:]]]
    result = import_resources(to_csv(rows), "csv")
    assert reasons(result) == {
        (3, "slug", "duplicate slug 'buying-innovative-health-care' in the file (also row 2)")
    }
    assert Resource.objects.count() == 0


def test_semicolon_separated_csv_with_bom_is_read(topics):
    data = "\ufeff".encode() + to_csv(GOOD_ROWS, delimiter=";")
    result = import_resources(data, "csv")
    assert result.ok, result.errors
    health = Resource.objects.get(slug="buying-innovative-health-care")
    assert health.topics.count() == 2


def test_reimport_updates_by_slug(topics):
    assert import_resources(to_csv(GOOD_ROWS), "csv").created == 2
    health = Resource.objects.get(slug="buying-innovative-health-care")
    revisions = health.revisions.count()

    changed = [list(row) for row in GOOD_ROWS]
    changed[0][2] = "A better summary."
    changed[0][5] = "energy"
    changed[0][12] = ""
    result = import_resources(to_csv(changed), "csv")

    assert result.ok, result.errors
    assert (result.created, result.updated) == (0, 2)
    assert "existing slugs are updated" in result.summary
    assert Resource.objects.count() == 2
    health.refresh_from_db()
    assert health.summary == "A better summary."
    assert [t.slug for t in health.topics.all()] == ["energy"]
    assert list(health.tags.all()) == []
    assert health.revisions.count() == revisions + 1


def test_update_changes_only_the_columns_in_the_file(topics):
    import_resources(to_csv(GOOD_ROWS), "csv")
    result = import_resources(
        to_csv(
            [["buying-innovative-health-care", "Only the summary."]], header=["slug", "summary"]
        ),
        "csv",
    )
    assert result.ok, result.errors
    assert result.updated == 1
    health = Resource.objects.get(slug="buying-innovative-health-care")
    assert health.summary == "Only the summary."
    assert health.title == "Buying innovative health care" and health.topics.count() == 2
    # A slug that does not exist is a new resource, which needs the required columns.
    result = import_resources(to_csv([["new-one", "S."]], header=["slug", "summary"]), "csv")
    assert reasons(result) == {(2, "title", "required"), (2, "resource_type", "required")}


def test_a_draft_row_never_takes_a_live_resource_offline(topics):
    import_resources(to_csv(GOOD_ROWS[:1]), "csv")
    draft = [["buying-innovative-health-care", "Draft summary.", "false"]]
    result = import_resources(to_csv(draft, header=["slug", "summary", "live"]), "csv")

    assert (result.updated, result.drafts) == (1, 1)
    health = Resource.objects.get(slug="buying-innovative-health-care")
    assert health.live and health.has_unpublished_changes
    assert health.summary == "How hospitals buy what does not exist yet."
    assert health.get_latest_revision_as_object().summary == "Draft summary."


def test_dry_run_writes_nothing(topics):
    result = import_resources(to_csv(GOOD_ROWS), "csv", dry_run=True)
    assert result.ok and not result.written
    assert [plan.action for plan in result.plans] == ["create", "create"]
    assert Resource.objects.count() == 0


def test_the_user_may_only_do_what_the_admin_allows(editor, topics):
    grant(editor, "add_resource")
    result = import_resources(to_csv(GOOD_ROWS), "csv", user=editor)
    assert reasons(result) == {
        (2, "live", "you may not publish resources; set live to false to import drafts")
    }
    assert Resource.objects.count() == 0

    drafts = [[*row[:-1], "false"] for row in GOOD_ROWS]
    result = import_resources(to_csv(drafts), "csv", user=editor)
    assert result.ok and result.drafts == 2
    revision = Resource.objects.get(slug="energy-pcp-study").latest_revision
    assert revision.user == editor


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("", ""),
        ("One line\nnext", "<p>One line<br/>next</p>"),
        ("a < b and c > d", "<p>a &lt; b and c &gt; d</p>"),
    ],
)
def test_plain_text_body_becomes_paragraphs(text, html):
    assert body_to_rich_text(text) == html


def test_html_body_keeps_only_what_rich_text_allows():
    html = body_to_rich_text(
        '<p onclick="x()">Read <a href="javascript:alert(1)">this</a> and '
        '<a href="https://example.org">that</a></p><style>p{}</style><iframe src="x"></iframe>'
        "<table><tr><td>cell</td></tr></table><ul><li>item</li></ul>"
    )
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"p", "a", "ul", "li"}
    assert [a.get("href") for a in soup.find_all("a")] == [None, "https://example.org"]
    assert "onclick" not in html and "p{}" not in html and "cell" in html


# --- the command -----------------------------------------------------------------


def test_command_reports_problems_as_a_table_and_fails(tmp_path, topics):
    path = tmp_path / "resources.csv"
    path.write_bytes(to_csv([GOOD_ROWS[0], ["", "", "S.", "", "report", "helth", *[""] * 9]]))
    out = io.StringIO()

    with pytest.raises(CommandError, match="2 problems found; nothing was imported"):
        call_command("import_resources", str(path), stdout=out, stderr=io.StringIO())

    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["row", "field", "reason"]
    assert any(line.split()[:3] == ["3", "title", "required"] for line in lines)
    assert any(line.startswith("3") and "unknown topic 'helth'" in line for line in lines)
    assert Resource.objects.count() == 0


def test_command_imports_and_prints_counts(tmp_path, topics):
    path = tmp_path / "export.data"
    path.write_bytes(to_csv(GOOD_ROWS))

    with pytest.raises(CommandError, match="--format"):
        call_command("import_resources", str(path))

    out = io.StringIO()
    call_command("import_resources", str(path), "--format", "csv", "--dry-run", stdout=out)
    assert "Nothing was written" in out.getvalue() and Resource.objects.count() == 0

    out = io.StringIO()
    call_command("import_resources", str(path), "--format", "csv", stdout=out, stderr=io.StringIO())
    assert "2 created, 0 updated" in out.getvalue()
    assert Resource.objects.count() == 2


# --- the admin -------------------------------------------------------------------


IMPORT_URL = "/admin/resources/import/"
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture
def tasks_run_at_once(settings):
    """The import task runs inside the request that queues it, so a test sees
    the run's outcome at once; the real worker is proved in test_import_worker.py."""
    settings.TASKS = {**settings.TASKS, "background": IMMEDIATE}


def listing_url():
    return reverse(Resource.snippet_viewset.get_url_name("list"))


def upload_file(client, name, data, **fields):
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(IMPORT_URL, {"file": upload, **fields})


def problem_table(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in page.select("[data-import-errors] tbody tr")
    ]


def test_admin_import_is_one_action_that_imports_and_shows_the_result(
    importer, topics, tasks_run_at_once
):
    client = client_for(importer)
    assert IMPORT_URL in client.get(listing_url()).content.decode()
    page = BeautifulSoup(client.get(IMPORT_URL).content, "html.parser")
    # One button: the file is checked, then imported if every row is good.
    upload_form = page.find("input", attrs={"type": "file"}).find_parent("form")
    assert [b.get_text(strip=True) for b in upload_form.find_all("button")] == ["Import"]

    response = upload_file(client, "resources.csv", to_csv(GOOD_ROWS))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("resources_import_run", args=[run.pk])
    assert (run.status, run.rows_total, run.rows_checked, run.rows_done) == ("done", 2, 2, 2)
    assert (run.created, run.user, run.filename, run.content) == (2, importer, "resources.csv", "")
    assert Resource.objects.count() == 2
    assert Resource.objects.get(slug="energy-pcp-study").latest_revision.user == importer

    page = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    result = page.select_one("[data-import-run]")
    assert result["data-status"] == "done"
    assert "2 created, 0 updated" in result.get_text()
    # Finished: the page no longer reloads itself.
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    # The run is listed on the import page.
    listing = client.get(IMPORT_URL).content.decode()
    assert reverse("resources_import_run", args=[run.pk]) in listing


def test_a_run_under_way_reloads_itself_and_shows_rows_done_of_total(importer):
    run = ImportRun.objects.create(
        user=importer, filename="big.csv", file_format="csv", rows_total=300, status="running"
    )
    ImportRun.objects.filter(pk=run.pk).update(rows_checked=300, rows_done=120)
    response = client_for(importer).get(reverse("resources_import_run", args=[run.pk]))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "2"
    progress = page.select_one("[data-import-progress]")
    assert "Importing: 120 of 300 rows done." in progress.get_text(" ", strip=True)
    assert progress.find("progress")["value"] == "120"


def test_admin_report_speaks_to_a_person(importer, topics, tasks_run_at_once):
    rows = [
        GOOD_ROWS[0],
        ["Typo", "", "S.", "", "report", "helth", "XX", *[""] * 8],
        ["Late", "", "S.", "", "report", "", "", "", "", "", "1/2/24", "", "", "", ""],
    ]
    response = upload_file(client_for(importer), "resources.csv", to_csv(rows))
    response = client_for(importer).get(response["Location"])

    run = ImportRun.objects.get()
    assert run.status == "failed" and Resource.objects.count() == 0
    table = problem_table(response)
    # Rows as the spreadsheet numbers them (the header is row 1), fields as the
    # edit form labels them, the cell as typed, and the values that are accepted.
    assert [row[:3] for row in table] == [
        ["3", "Topics", "helth"],
        ["3", "Countries", "XX"],
        ["4", "Publication date", "1/2/24"],
    ]
    assert "did you mean 'health'" in table[0][3] and "use one of: energy, health" in table[0][3]
    accepted = ", ".join(sorted(Country.objects.values_list("code", flat=True)))
    assert table[1][3] == f"unknown country 'XX'; use one of: {accepted}"
    assert "nothing was imported" in response.content.decode()


def test_the_report_downloads_as_csv(importer, topics, tasks_run_at_once):
    rows = [["Typo", "", "S.", "", "brochure", "helth", *[""] * 9]]
    upload_file(client_for(importer), "my resources.csv", to_csv(rows))
    run = ImportRun.objects.get()

    response = client_for(importer).get(reverse("resources_import_report", args=[run.pk]))

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="my resources-problems.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0] == ["Row", "Column", "Value", "Problem"]
    assert [line[:3] for line in lines[1:]] == [
        ["2", "Resource type", "brochure"],
        ["2", "Topics", "helth"],
    ]
    assert lines[1][3].startswith("unknown resource type 'brochure'; use one of: policy")


def test_a_windows_1252_file_is_explained_in_words(importer, tasks_run_at_once):
    # What Excel's plain "CSV" saves in Western Europe.
    data = "title,summary,resource_type\nCafé procurement,Résumé,report\n".encode("cp1252")
    response = upload_file(client_for(importer), "excel.csv", data)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    error = page.find(id="id_file").find_parent(class_="w-field__wrapper").get_text(" ", strip=True)
    assert "This file is not saved as UTF-8 (line 2 has the first character" in error
    assert "In Excel choose File › Save as › CSV UTF-8 (comma delimited)." in error  # noqa: RUF001
    assert "byte" not in error
    assert ImportRun.objects.count() == 0 and Resource.objects.count() == 0


def test_columns_are_checked_before_anything_is_queued(importer, tasks_run_at_once):
    response = upload_file(client_for(importer), "r.csv", b"title,summary,resource_tpye\nA,B,C\n")
    assert response.status_code == 200
    assert "Unknown column &#x27;resource_tpye&#x27;" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_admin_import_of_json(importer, topics, tasks_run_at_once):
    data = json.dumps([{"title": "One", "summary": "S.", "resource_type": "link"}]).encode()
    upload = SimpleUploadedFile("one.json", data, content_type="application/json")
    response = client_for(importer).post(IMPORT_URL, {"file": upload})
    assert response.status_code == 302
    assert Resource.objects.visible().get().title == "One"


def test_admin_import_and_its_runs_need_the_publish_permission(importer):
    run = ImportRun.objects.create(
        user=importer,
        filename="a.csv",
        file_format="csv",
        status="failed",
        problems=[{"row": 2, "field": "title", "value": "", "reason": "required"}],
    )
    # Editors add and change resources as drafts; an import may publish.
    drafts_only = UserFactory(username="drafts-only")
    drafts_only.groups.add(Group.objects.get(name="Editors"))
    client = client_for(drafts_only)
    for url in (
        IMPORT_URL,
        reverse("resources_import_run", args=[run.pk]),
        reverse("resources_import_report", args=[run.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"required" not in response.content
        # Anonymous visitors are sent to the login page.
        response = Client().get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    response = upload_file(client, "resources.csv", to_csv(GOOD_ROWS))
    assert response.status_code in (302, 403)
    assert Resource.objects.count() == 0 and ImportRun.objects.count() == 1


def test_the_run_page_takes_the_same_queries_however_many_problems(importer):
    def run_with(count):
        problems = [
            {"row": n + 2, "field": "topics", "value": "x", "reason": "unknown topic 'x'"}
            for n in range(count)
        ]
        return ImportRun.objects.create(
            user=importer, filename="a.csv", file_format="csv", status="failed", problems=problems
        )

    client = client_for(importer)
    few, many = run_with(1), run_with(200)
    client.get(reverse("resources_import_run", args=[few.pk]))  # warm the session and caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("resources_import_run", args=[few.pk])).status_code == 200
    with CaptureQueriesContext(connection) as two_hundred:
        response = client.get(reverse("resources_import_run", args=[many.pk]))
    assert len(problem_table(response)) == 200
    assert len(two_hundred) == len(one)


def test_listing_exports_csv_with_the_titles(importer, topics):
    import_resources(to_csv(GOOD_ROWS), "csv")
    response = client_for(importer).get(listing_url(), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    titles = {row[1] for row in rows[1:]}
    assert titles == {"Buying innovative health care", "Energy PCP study"}
