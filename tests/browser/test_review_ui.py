"""The review UI in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright's Python API).

A `docintake serve` child on a free loopback port, with a fax page taken in through the whole pipeline (real OCR)
and a case to attach it to. Screenshots of the queue and of a document page go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.integration.conftest import run_cli, serving

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "correct horse battery"
MEMBER = "W904417263"
REFERENCE = "PA1234567897"
CASES = [{"reference_id": REFERENCE, "policy_id": MEMBER, "dob": "1970-03-04",
          "patient_name": {"first": "Ada", "last": "Quill"}, "status": "open", "cpt": ["27447"]}]
# A request without a member ID: whatever else is read, `missing:policy_id` sends it to a clerk.
LINES = ["PRIOR AUTHORIZATION REQUEST", "", "Patient Name: Ada Quill", "Date of Birth: 03/04/1970",
         "Requested Start Date: 12/01/2026", "Procedure Code: 27447", "Diagnosis Code: M17.11",
         "Ordering Provider NPI: 1234567893"]

pytestmark = [pytest.mark.browser, pytest.mark.tesseract]
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (Debian package chromium; `make system` installs it)",
                allow_module_level=True)
if shutil.which("tesseract") is None:
    pytest.skip("tesseract is not installed", allow_module_level=True)


def _fax_page(path: Path) -> None:
    page = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    for index, line in enumerate(LINES):
        draw.text((150, 200 + index * 80), line, fill=0, font=font)
    page.save(path, dpi=(200, 200))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("review-ui")
    data = root / "data"
    (root / "cases.json").write_text(json.dumps(CASES))
    _fax_page(root / "request.png")
    for args in (("cases", "import", str(root / "cases.json")), ("ingest", str(root / "request.png"))):
        done = run_cli(*args, data_dir=data)
        assert done.returncode == 0, done.stderr
    for name, role in (("clerk1", "clerk"), ("clerk2", "clerk"), ("admin1", "admin")):
        added = subprocess.run([sys.executable, "-m", "docintake", "users", "add", name, "--role", role,
                                "--password-stdin"], input=PASSWORD + "\n", capture_output=True, text=True,
                               env={**os.environ, "DOCINTAKE_DATA_DIR": str(data)}, check=False)
        assert added.returncode == 0, added.stderr
    with serving(data, root / "serve.log", "--no-workers") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def sign_in(page, base, name, password=PASSWORD):
    page.goto(f"{base}/review/login")
    page.fill("#username", name)
    page.fill("#password", password)
    page.click("#sign-in")


def test_a_clerk_corrects_a_value_attaches_the_document_and_it_leaves_the_queue(server, page):
    sign_in(page, server, "clerk1")
    page.wait_for_url("**/review/queue")
    rows = page.locator("#queue tbody tr")
    assert rows.count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "queue.png"), full_page=True)

    rows.first.locator("a.open").click()
    page.wait_for_url("**/review/documents/*")
    page.wait_for_function("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")

    # The member ID is missing on the page: the clerk types it where it belongs and presses Enter.
    member = page.locator("form.field[data-field=policy_id] input.value").first
    member.fill(MEMBER)
    member.press("Enter")
    expect = playwright.expect
    expect(page.locator("form.field[data-field=policy_id] .conf").first).to_have_text("checked")

    # A value read with a box: focusing it highlights that box on its page.
    boxed = page.locator("form.field input.value[data-bbox]").first
    boxed.focus()
    expect(page.locator(".hl:not([hidden])")).to_have_count(1)
    page.screenshot(path=str(SCREENSHOTS / "document.png"), full_page=False)

    # Every value still below the threshold: confirm with Enter (the keyboard is enough).
    low = page.locator("form.field.low input.value")
    for _ in range(40):
        remaining = low.count()
        if not remaining:
            break
        low.first.focus()
        low.first.press("Enter")
        expect(low).to_have_count(remaining - 1)

    # Attach to the case, found by its Reference ID through the search box.
    search = page.locator("input.case-search").first
    search.fill("")
    search.type(REFERENCE)
    page.locator("button.case-result").first.click()
    page.locator("input[name=identity_checked]").first.check()
    page.locator("button.do-attach").first.click()
    page.wait_for_load_state()
    assert "/review/queue" in page.url, page.content()[:3000]
    expect(page.locator("#queue-empty")).to_be_visible()
    assert "left the queue" in page.locator(".notice").inner_text()


def test_three_bad_passwords_lock_the_account(server, page):
    for _ in range(3):
        sign_in(page, server, "clerk2", "not the password")
        playwright.expect(page.locator("#login-error")).to_contain_text("Sign-in failed")
    sign_in(page, server, "clerk2")
    playwright.expect(page.locator("#login-error")).to_contain_text("locked")
    assert "/review/login" in page.url


def test_a_clerk_cannot_reach_admin_pages(server, page):
    sign_in(page, server, "clerk1")
    page.wait_for_url("**/review/queue")
    assert page.locator("header nav a", has_text="Users").count() == 0
    for path in ("/review/admin/users", "/review/admin/tokens", "/review/admin/audit"):
        answer = page.goto(f"{server}{path}")
        assert answer.status == 403
        playwright.expect(page.locator("p.error")).to_contain_text("administrators")


def test_an_admin_reads_the_audit_log_of_the_review(server, page):
    sign_in(page, server, "admin1")
    page.wait_for_url("**/review/queue")
    page.click("header nav >> text=Audit log")
    table = page.locator("#audit")
    playwright.expect(table).to_contain_text("user.locked")
    playwright.expect(table).to_contain_text("access.denied")
