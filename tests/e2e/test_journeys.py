"""The main journeys in a real browser (Debian's Chromium driven by Playwright).

Each journey saves screenshots under test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlcoach.config import Settings
from mlcoach.web import create_app
from tests.e2e.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    QID,
    cheap_passwords,
    live_server,
    make_services,
)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ANSWER = (
    "For a convex objective every local minimum is a global minimum. Linear regression, "
    "ridge, lasso and logistic regression have convex objectives, while neural networks "
    "with hidden layers are not convex."
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (make system-deps)"
)


def _server(tmp: Path, **overrides: Any) -> Iterator[str]:
    settings = Settings(data_dir=tmp / "data", **overrides)
    svc = make_services(settings)
    try:
        app = create_app(settings, services=svc, warm_up=False)
        app.state.web.passwords = cheap_passwords()
        with live_server(app) as url:
            yield url
    finally:
        svc.close()


@pytest.fixture(scope="module")
def local_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _server(tmp_path_factory.mktemp("local"))


@pytest.fixture(scope="module")
def multi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _server(tmp_path_factory.mktemp("multi"), multi_user=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda m: errors.append(m.text) if _unexpected(m) else None)
    yield tab
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


def _unexpected(message: Any) -> bool:
    """Console errors, except the 401 a wrong password answers with (the journey wants it)."""
    return bool(message.type == "error" and "status of 401" not in message.text)


def shot(page: Any, name: str, *, full: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_answer_a_question_and_see_the_grade(page: Any, local_url: str) -> None:
    page.goto(f"{local_url}/questions")
    page.keyboard.press("/")
    page.keyboard.type("convexity guarantees")
    page.wait_for_selector(f"a.item-title[href='/questions/{QID}']")
    shot(page, "journey-1-search")
    page.click(f"a.item-title[href='/questions/{QID}']")
    page.fill("#answer", ANSWER)
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#grade-card")
    marks = page.locator("#grade-card .answer-view mark.hit")
    assert marks.count() >= 1
    assert page.locator("#model-answer").get_attribute("open") is not None
    assert page.locator("#model-answer math").count() >= 1
    page.locator("#grade-card").scroll_into_view_if_needed()
    shot(page, "journey-1-grade")
    page.goto(f"{local_url}/history/{QID}")
    assert page.locator("tbody tr").count() == 1


def test_a_drill_of_three_cards(page: Any, local_url: str) -> None:
    page.goto(f"{local_url}/drill")
    page.fill("#d-limit", "3")
    page.click("text=Start the drill")
    for number in range(1, 4):
        page.wait_for_selector(f"text=Card {number} of 3")
        if number == 2:
            page.locator("#answer").press("Escape")
            page.keyboard.press(" ")  # reveal without answering
        else:
            page.fill("#answer", ANSWER)
            page.click("button:has-text('Grade')")
        page.wait_for_selector(".ratings")
        if number == 1:
            shot(page, "journey-2-drill-card", full=True)
        page.keyboard.press("3")  # Good
    page.wait_for_selector("text=Drill complete")
    assert "3" in page.locator(".stat").first.inner_text()
    shot(page, "journey-2-drill-summary")


def test_a_two_question_mock_to_its_report(page: Any, local_url: str) -> None:
    page.goto(f"{local_url}/mock")
    page.select_option("#m-role", "ds")
    page.select_option("#m-minutes", "10")
    page.click("text=Start the interview")
    answers = 0
    while "/report" not in page.url and answers < 8:
        page.wait_for_selector("#answer")
        assert page.locator(".countdown").inner_text().strip() != ""
        if answers == 0:
            shot(page, "journey-3-mock-question")
        page.fill("#answer", ANSWER)
        page.click("text=Submit answer")
        page.wait_for_load_state()
        answers += 1
        if answers == 2 and "/report" not in page.url:
            page.click("text=End the interview now")
            page.wait_for_load_state()
    assert "/report" in page.url
    assert page.locator("h1").inner_text() == "Mock interview report"
    assert page.locator("text=Question by question").count() == 1
    assert page.locator(".card h3").count() >= 2
    shot(page, "journey-3-mock-report", full=True)
    page.emulate_media(media="print")
    shot(page, "journey-3-mock-report-print")


def test_sign_up_and_log_in_with_accounts(page: Any, multi_url: str) -> None:
    page.goto(f"{multi_url}/")
    assert "/login" in page.url
    page.click("text=Create an account")
    page.fill("#username", "ada")
    page.fill("#password", "correct horse battery")
    page.fill("#confirm", "correct horse battery")
    shot(page, "journey-4-signup")
    page.click("button:has-text('Create account')")
    page.wait_for_selector("text=Sign out ada")
    page.click("text=Sign out ada")
    page.wait_for_selector("h1:has-text('Sign in')")
    page.fill("#username", "ada")
    page.fill("#password", "wrong password")
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("text=Wrong user name or password.")
    page.fill("#password", "correct horse battery")
    page.click("button:has-text('Sign in')")
    page.wait_for_selector("text=Sign out ada")
    shot(page, "journey-4-home-signed-in")


def test_progress_charts_and_dark_mode(page: Any, local_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(f"{local_url}/progress")
    page.wait_for_function("document.querySelectorAll('canvas[data-ready]').length === 4")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    shot(page, "progress-dark", full=True)
    page.goto(f"{local_url}/questions/{QID}")
    shot(page, "question-dark")


def test_coding_page_runs_the_tests(page: Any, local_url: str) -> None:
    import shutil

    if shutil.which("bwrap") is None:
        pytest.skip("needs bubblewrap")
    page.goto(f"{local_url}/coding/softmax-stable")
    page.wait_for_selector(".CodeMirror")
    editor = "document.querySelector('.CodeMirror').CodeMirror"
    page.evaluate(f"{editor}.setValue('')")
    page.click(".CodeMirror")
    page.keyboard.press("Tab")
    assert page.evaluate(f"{editor}.getValue()") == "    "
    solution = (
        "import numpy as np\n\n\ndef softmax(x, axis=-1):\n"
        "    z = np.exp(x - x.max(axis=axis, keepdims=True))\n"
        "    return z / z.sum(axis=axis, keepdims=True)\n"
    )
    page.evaluate(f"{editor}.setValue({solution!r})")
    page.click("text=Run the tests")
    page.wait_for_selector("#run-result h2")
    assert page.locator("#run-result h2").inner_text().startswith("All ")
    assert page.locator(".cm-keyword").count() > 0  # syntax highlighting
    shot(page, "coding-run", full=True)
