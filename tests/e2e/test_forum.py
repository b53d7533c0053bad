"""A member takes part in a private group in Chromium; a non-member finds nothing there."""

import re

import pytest
from playwright.sync_api import expect

from cms.demo_media import picture

pytestmark = pytest.mark.browser

PRIVATE_GROUP = "/forum/pcp-emergency-dispatch/"


def sign_in(page, server_url, username):
    page.goto(server_url + "/accounts/login/")
    page.get_by_label(re.compile("Username or email", re.I)).fill(username)
    page.get_by_label("Password").fill("procure-demo")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("navigation", name="Your account")).to_contain_text(username)


# An image's natural width once it has loaded (0 if it cannot be).
LOADED_WIDTH = """img => img.complete ? img.naturalWidth : new Promise(done => {
    img.addEventListener("load", () => done(img.naturalWidth), {once: true});
    img.addEventListener("error", () => done(0), {once: true});
})"""

# Whether a comment (li) follows the top-level comment `id` with only replies between.
IN_SUBTHREAD_OF = """(li, id) => {
    let item = li.previousElementSibling;
    while (item && item.id !== id) {
        if (item.classList.contains("level-0")) return false;
        item = item.previousElementSibling;
    }
    return item !== null;
}"""


def test_member_replies_in_a_private_group_and_an_outsider_gets_404(server_url, page, screenshot):
    sign_in(page, server_url, "alice")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Forum").click()
    expect(
        page.get_by_role("link", name="PCP consortium: AI for emergency dispatch")
    ).to_be_visible()
    screenshot("20-forum-index-member")

    page.get_by_role("link", name="PCP consortium: AI for emergency dispatch").click()
    expect(page.locator("h1")).to_have_text("PCP consortium: AI for emergency dispatch")
    page.get_by_role("link", name="Phase 2 evaluation schedule").click()
    discussion_url = page.url
    expect(page.locator(".comment.level-1")).to_contain_text("moving field tests to week 16")

    # Reply opens the form right under the comment answered, not at the end.
    answered = page.locator(".comment").first
    answered.get_by_role("link", name="Reply").click()
    form = answered.locator(".inline-reply")
    expect(form.get_by_role("heading")).to_have_text(re.compile(r"^Reply to "))
    expect(form.get_by_label("Your comment")).to_be_focused()
    screenshot("21-forum-reply-in-place")
    form.get_by_label("Your comment").fill("Week 16 works for **Tampere** too.")
    form.get_by_label("Attach a file").set_input_files(
        {"name": "test-site.png", "mimeType": "image/png", "buffer": picture(3, (640, 360))}
    )
    form.get_by_role("button", name="Post the reply").click()
    reply = page.locator(".comment", has_text="works for Tampere too")
    expect(reply).to_be_visible()
    # Back in the thread, at the new reply, in the answered comment's subthread.
    assert page.url.endswith(f"#{reply.get_attribute('id')}")
    assert reply.evaluate(IN_SUBTHREAD_OF, answered.get_attribute("id"))
    expect(reply.locator("strong", has_text="Tampere")).to_be_visible()
    assert "level-1" in reply.get_attribute("class")
    # The worker re-encodes the image; until then the page says so.
    image = reply.get_by_role("img", name="test-site.png")
    for _ in range(50):
        if image.count():
            break
        expect(reply).to_contain_text("Preparing the image")
        page.wait_for_timeout(200)
        page.reload()
    expect(image).to_be_visible()
    # The picture loads lazily and after the page: wait for it to load or fail.
    image.scroll_into_view_if_needed()
    assert image.evaluate(LOADED_WIDTH) == 640
    image_url = server_url + image.get_attribute("src")
    screenshot("21-private-discussion-after-reply")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, server_url, "bob")
    for url in (PRIVATE_GROUP, discussion_url, image_url):
        response = page.goto(url if url.startswith("http") else server_url + url)
        assert response.status == 404
    # runserver with DEBUG on shows Django's "Page not found (404)".
    expect(page.locator("h1")).to_have_text(re.compile("Page not found"))
    page.goto(server_url + "/forum/")
    expect(page.get_by_text("PCP consortium")).to_have_count(0)
    screenshot("22-forum-index-outsider")
