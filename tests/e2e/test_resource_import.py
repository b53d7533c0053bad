"""The admin's resource import in Chromium, as the demo moderator (who may
publish resources, hence import): upload, the run's page following the worker
beside the server until it is done, and the report of a file with problems."""

import csv
import io
import re

from playwright.sync_api import expect


def sign_in_to_admin(page, server_url, username):
    page.goto(server_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "procure-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def csv_file(name, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "summary", "resource_type", "countries"])
    writer.writerows(rows)
    return {"name": name, "mimeType": "text/csv", "buffer": out.getvalue().encode()}


def upload(page, server_url, file):
    page.goto(server_url + "/admin/resources/import/")
    page.set_input_files("#id_file", files=[file])
    page.click("[data-import-submit]")


def test_moderator_imports_a_file_and_watches_it_through(server_url, page, screenshot):
    sign_in_to_admin(page, server_url, "moderator")
    rows = [[f"Browser import {n}", "A summary.", "report", "FI"] for n in range(40)]
    upload(page, server_url, csv_file("forty.csv", rows))

    run = page.locator("[data-import-run]")
    expect(run).to_be_visible()
    screenshot("import-1-progress")
    # The page reloads itself (no script) until the worker is done.
    expect(page.locator('[data-import-run][data-status="done"]')).to_be_visible(timeout=120_000)
    expect(run).to_contain_text("40 created")
    screenshot("import-2-done")

    bad = [["Typo", "A summary.", "brochure", "XX"], ["No summary", "", "report", ""]]
    upload(page, server_url, csv_file("with-problems.csv", bad))
    expect(page.locator('[data-import-run][data-status="failed"]')).to_be_visible(timeout=60_000)
    table = page.locator("[data-import-errors]")
    expect(table.locator("tbody tr").first).to_contain_text("Resource type")
    expect(table).to_contain_text("unknown country 'XX'; use one of: AT, BE")
    expect(table.locator("tbody tr").last).to_contain_text("3")
    expect(page.get_by_role("link", name="Download the problems (CSV)")).to_be_visible()
    screenshot("import-3-problems")

    excel = {
        "name": "excel.csv",
        "mimeType": "text/csv",
        "buffer": "title,summary,resource_type\nCafé,Résumé,report\n".encode("cp1252"),
    }
    upload(page, server_url, excel)
    upload_form = page.locator("form[enctype='multipart/form-data']")
    expect(upload_form).to_contain_text("CSV UTF-8 (comma delimited)")
    screenshot("import-4-not-utf8")


def test_editor_without_publishing_has_no_import(server_url, page):
    sign_in_to_admin(page, server_url, "editor")
    page.goto(server_url + "/admin/resources/import/")
    expect(page).not_to_have_url(re.compile(r"/resources/import/"))
