"""Every page of the web app in local single-user mode, checked with an HTML parser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.support import QID, Web, form_token, parse, web

ANSWER = (
    "For a convex objective every local minimum is a global minimum. "
    "Linear regression, ridge, lasso and logistic regression are convex. "
    "Deep networks are convex because the cross-entropy loss is convex."
)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Web]:
    with web(tmp_path) as w:
        yield w


def test_home_shows_due_streak_readiness_and_continue(site: Web) -> None:
    page = parse(site.client.get("/").text)
    assert page.one("h1").text() == "Welcome to mlcoach"
    labels = [n.text() for n in page.all(class_="stat-label")]
    assert labels[:2] == ["cards due today", "review streak"]
    readiness = page.one("section", aria_labelledby="readiness-h")
    roles = [a.text() for a in readiness.all("a")]
    assert "Machine Learning Engineer" in roles and len(roles) == 7
    nav = [a.text() for a in page.one("nav").all("a")]
    for name in ["Home", "Questions", "Drill", "Mock", "Progress", "Roles", "Sheets"]:
        assert name in nav


def test_home_offers_to_continue_after_an_answer(site: Web) -> None:
    site.post_form(f"/answer/{QID}", {"answer": ANSWER})
    page = parse(site.client.get("/").text)
    assert page.one("h1").text() == "Welcome back"
    links = {a.attrs["href"] for a in page.all("a")}
    assert f"/questions/{QID}" in links


def test_browse_lists_questions_with_answers_collapsed(site: Web) -> None:
    page = parse(site.client.get("/questions").text)
    items = page.one("section", id="results").all("li")
    assert len(items) == 20
    for item in items:
        details = item.one("details")
        assert "open" not in details.attrs
        assert details.one("summary").text() == "Reveal the model answer"
    assert "Page 1 of" in page.one("nav", aria_label="Pages").text()


def test_browse_filters_by_topic_kind_level_and_role(site: Web) -> None:
    bank = site.services.bank.questions
    url = "/questions?topic=evaluation&kind=scenario&level=mid&role=ds"
    page = parse(site.client.get(url).text)
    hrefs = [a.attrs["href"] for a in page.all("a", class_="item-title")]
    assert hrefs
    for href in hrefs:
        q = bank[href.removeprefix("/questions/")]
        assert "evaluation" in q.topics and q.kind.value == "scenario"
        assert q.level.value == "mid" and "ds" in [r.value for r in q.roles]
    assert (
        page.one("select", name="topic").one("option", value="evaluation").attrs.get("selected")
        == ""
    )


def test_search_ranks_the_matching_question_first(site: Web) -> None:
    page = parse(site.client.get("/questions", params={"q": "convexity guarantee"}).text)
    first = page.all("a", class_="item-title")[0]
    assert first.attrs["href"] == f"/questions/{QID}"


def test_htmx_search_returns_only_the_results_fragment(site: Web) -> None:
    response = site.client.get("/questions?q=dropout", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and "<form" not in response.text
    assert parse(response.text).all("a", class_="item-title")


def test_pagination_moves_through_the_bank(site: Web) -> None:
    first = parse(site.client.get("/questions").text).all("a", class_="item-title")
    second = parse(site.client.get("/questions?page=2").text).all("a", class_="item-title")
    assert {a.attrs["href"] for a in first}.isdisjoint(a.attrs["href"] for a in second)


def test_question_page_has_every_section(site: Web) -> None:
    page = parse(site.client.get(f"/questions/{QID}").text)
    assert page.one("h1").text().startswith("What does convexity guarantee")
    summaries = [s.text() for s in page.all("summary")]
    for section in [
        "Model answer",
        "Key points a grader looks for",
        "Why it’s asked",
        "Answer framework",
        "Red flags",
        "Follow-ups",
    ]:
        assert section in summaries
    form = page.one("form", action=f"/answer/{QID}")
    assert form.one("textarea", id="answer")
    assert page.one("label", for_="answer").text() == "Your answer"
    assert page.one("span", class_="timer").attrs["data-timer"] == "180"
    assert page.all("math")  # the convexity formula as MathML
    assert page.one("a", href=f"/report/{QID}")
    related = page.one("aside").all("a")
    assert any(a.attrs["href"].startswith("/questions/") for a in related)


def test_tables_and_highlighted_code_render(site: Web) -> None:
    page = parse(site.client.get("/questions/batch-minibatch-stochastic-gd").text)
    assert page.all("table")
    code = parse(site.client.get("/questions/stable-softmax-log-sum-exp").text)
    spans = [s for pre in code.all("pre") for s in pre.all("span")]
    assert spans, "code blocks carry Pygments token spans"
    css = site.client.get("/assets/pygments.css")
    assert css.status_code == 200 and ".md pre .k" in css.text


def test_grading_highlights_evidence_in_the_users_own_text(site: Web) -> None:
    response = site.post_form(f"/answer/{QID}", {"answer": ANSWER}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    card = parse(response.text).one("div", id="grade-card")
    hits = card.one("div", class_="answer-view").all("mark", class_="hit")
    assert hits and all(h.text() in ANSWER for h in hits)
    points = card.one("ul", class_="points").all("li")
    assert len(points) == len(site.services.bank.questions[QID].key_points)
    assert card.all("li", class_="covered") and card.all("li", class_="missed")
    assert card.one("span", class_="value").text()


def test_grading_escapes_the_answer(site: Web) -> None:
    answer = "<script>alert(1)</script> every local minimum is global for convex objectives"
    response = site.post_form(f"/answer/{QID}", {"answer": answer}, headers={"HX-Request": "true"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_empty_answer_is_a_clear_message(site: Web) -> None:
    response = site.post_form(f"/answer/{QID}", {"answer": "   "}, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#flash"
    assert "empty answer" in parse(response.text).text()


def test_answer_without_htmx_redirects_to_the_attempt_page(site: Web) -> None:
    response = site.post_form(f"/answer/{QID}", {"answer": ANSWER}, follow_redirects=False)
    assert response.status_code == 303
    page = parse(site.client.get(response.headers["location"]).text)
    assert page.one("h1").text() == "Your attempt"
    assert page.one("div", class_="answer-view").all("mark")


def test_i_did_say_this_marks_a_missed_point_and_can_be_undone(site: Web) -> None:
    site.post_form(f"/answer/{QID}", {"answer": ANSWER})
    attempt = site.services.store.attempts.for_question(1, QID)[0]
    missed = next(i for i, p in enumerate(attempt.grade["points"]) if not p["covered"])
    url = f"/attempts/{attempt.id}/points/{missed}"
    page = parse(site.post_form(url, {}, headers={"HX-Request": "true"}).text)
    assert "you say you covered it" in page.text()
    stored = site.services.store.attempts.get(1, attempt.id or 0)
    assert stored.overrides["covered"] == [missed]
    assert stored.overrides["score"] >= attempt.grade["score"]
    site.post_form(url, {})
    assert site.services.store.attempts.get(1, attempt.id or 0).overrides["covered"] == []


def test_history_lists_every_attempt(site: Web) -> None:
    for _ in range(2):
        site.post_form(f"/answer/{QID}", {"answer": ANSWER})
        site.clock.advance(minutes=5)
    page = parse(site.client.get(f"/history/{QID}").text)
    rows = page.one("tbody").all("tr")
    assert len(rows) == 2
    assert all(r.one("a").attrs["href"].startswith("/attempts/") for r in rows)
    question = parse(site.client.get(f"/questions/{QID}").text)
    assert "You answered this 2 times." in question.text()


def test_related_fragment(site: Web) -> None:
    page = parse(site.client.get(f"/related/{QID}", headers={"HX-Request": "true"}).text)
    links = page.all("a")
    assert 1 <= len(links) <= 5 and all(a.attrs["href"] != f"/questions/{QID}" for a in links)


def test_role_guides_and_sheets(site: Web) -> None:
    roles = parse(site.client.get("/roles").text)
    assert len(roles.all("a", class_="card")) == 7
    role = parse(site.client.get("/roles/mle").text)
    assert role.one("h1").text() == "Machine Learning Engineer"
    assert [h.text() for h in role.all("h2")][:3] == ["The role", "The loop", "Checklist"]
    assert role.one("tbody").all("tr")
    sheets = parse(site.client.get("/sheets").text).all("a", class_="card")
    assert len(sheets) == len(site.services.bank.sheets)
    sheet = parse(site.client.get(sheets[0].attrs["href"]).text)
    assert sheet.all("table") and sheet.one("button", data_print="")


def test_unknown_ids_give_a_404_page(site: Web) -> None:
    for url in [
        "/questions/no-such-thing",
        "/roles/astronaut",
        "/sheets/nope",
        "/history/x/y",
        "/attempts/999",
        "/nothing-here",
    ]:
        response = site.client.get(url)
        assert response.status_code == 404, url
        assert parse(response.text).one("h1").text() == "Not found"


def test_report_an_error_is_listed_for_the_admin_and_can_be_resolved(site: Web) -> None:
    form = parse(site.client.get(f"/report/{QID}").text).one("form")
    assert form.one("textarea", name="message")
    done = site.post_form(f"/report/{QID}", {"message": "The second key point is too strict."})
    assert "your report was recorded" in parse(done.text).text()
    admin = parse(site.client.get("/admin/reports").text)
    row = admin.one("tbody").one("tr")
    assert "The second key point is too strict." in row.text() and "local" in row.text()
    action = row.one("form").attrs["action"]
    site.post_form(action, {})
    assert "resolved" in parse(site.client.get("/admin/reports").text).one("tbody").text()


def test_empty_error_report_is_refused(site: Web) -> None:
    response = site.post_form(f"/report/{QID}", {"message": "  "})
    assert response.status_code == 400 and "describe the error" in response.text


def test_settings_save_theme_and_target_role(site: Web) -> None:
    page = parse(site.client.get("/settings").text)
    assert page.one("select", name="theme") and page.one("label", for_="role")
    assert "MLCOACH_DATA_DIR" in page.text()
    site.post_form("/settings", {"theme": "dark", "role": "mlops"})
    html = site.client.get("/").text
    assert parse(html).one("html").attrs["data-theme"] == "dark"
    assert "your target" in parse(html).one("section", aria_labelledby="readiness-h").text()
    bad = site.post_form("/settings", {"theme": "neon"})
    assert bad.status_code == 400


def test_drill_of_three_cards_records_reviews(site: Web) -> None:
    start = parse(site.client.get("/drill").text)
    assert start.one("form", action="/drill/start")
    html = site.post_form("/drill/start", {"limit": "3"}).text
    for number in range(1, 4):
        assert f"Card {number} of 3" in parse(html).text()
        token = form_token(html)
        if number == 2:
            html = site.post_form("/drill/answer", {"token": token, "reveal": "1"}).text
            assert "without trying" in html
        else:
            html = site.post_form("/drill/answer", {"token": token, "answer": ANSWER}).text
        page = parse(html)
        buttons = page.one("div", class_="ratings").all("button")
        assert [b.attrs["data-key"].split()[0] for b in buttons] == ["1", "2", "3", "4"]
        assert len(page.all("button", class_="suggested")) == 1
        site.clock.advance(seconds=30)
        html = site.post_form("/drill/rate", {"token": form_token(html), "rating": "3"}).text
    assert parse(html).one("h1").text() == "Drill complete"
    assert site.services.store.reviews.count(1) == 3


def test_a_rating_sent_twice_is_recorded_once(site: Web) -> None:
    html = site.post_form("/drill/start", {"limit": "2"}).text
    html = site.post_form("/drill/answer", {"token": form_token(html), "reveal": "1"}).text
    token = form_token(html)
    site.clock.advance(seconds=5)
    site.post_form("/drill/rate", {"token": token, "rating": "1"})
    site.post_form("/drill/rate", {"token": token, "rating": "1"})
    assert site.services.store.reviews.count(1) == 1


def test_a_tampered_drill_token_is_refused(site: Web) -> None:
    html = site.post_form("/drill/start", {"limit": "2"}).text
    token = form_token(html)
    response = site.post_form("/drill/answer", {"token": token[:-2] + "xx", "answer": "x"})
    assert response.status_code == 400 and "start a new one" in response.text


def test_mock_interview_runs_to_a_printable_report(site: Web) -> None:
    chooser = parse(site.client.get("/mock?role=ds").text)
    assert chooser.one("select", name="role").one("option", value="ds").attrs.get("selected") == ""
    start = site.post_form(
        "/mock/start", {"role": "ds", "level": "mid", "minutes": "10"}, follow_redirects=False
    )
    assert start.status_code == 303
    url = start.headers["location"]
    for _ in range(10):
        page = parse(site.client.get(url).text)
        assert page.one("div", class_="countdown").attrs["data-countdown"]
        site.clock.advance(seconds=60)
        sent = site.post_form(f"{url}/answer", {"answer": ANSWER}, follow_redirects=False)
        if sent.headers["location"].endswith("/report"):
            break
    report = parse(site.client.get(f"{url}/report").text)
    assert report.one("h1").text() == "Mock interview report"
    assert report.one("button", data_print="")
    assert report.all("ul", class_="points")
    assert site.client.get(url, follow_redirects=False).headers["location"].endswith("/report")


def test_mock_can_be_stopped_early(site: Web) -> None:
    url = site.post_form("/mock/start", {"role": "mle", "minutes": "30"}).url.path
    stopped = site.post_form(f"{url}/stop", {})
    assert "ended early" in parse(stopped.text).text()


def test_progress_page_draws_four_charts_with_the_vendored_library(site: Web) -> None:
    html = site.client.get("/progress").text
    page = parse(html)
    canvases = page.all("canvas")
    assert len(canvases) == 4
    for canvas in canvases:
        spec = page.one("script", id=canvas.attrs["data-chart"])
        assert json.loads(spec.text())["data"]["datasets"]
    assert page.one("script", src="/static/vendor/chartjs-4.6.1/chart.umd.min.js")
    assert site.client.get("/static/vendor/chartjs-4.6.1/chart.umd.min.js").status_code == 200


def test_static_files_are_vendored_with_versions_and_licences(site: Web) -> None:
    html = site.client.get("/").text
    scripts = [s.attrs["src"] for s in parse(html).all("script") if "src" in s.attrs]
    assert any("htmx-2.0.11/htmx.min.js" in s for s in scripts)
    for src in scripts:
        assert src.startswith("/static/"), "no CDN"
        assert site.client.get(src).status_code == 200
    versions = site.client.get("/static/VERSIONS.md").text
    for name in ["htmx.org", "chart.js", "codemirror"]:
        assert name in versions
    assert site.client.get("/static/vendor/htmx-2.0.11/LICENSE").status_code == 200


def test_pages_are_accessible_basics(site: Web) -> None:
    for url in ["/", "/questions", f"/questions/{QID}", "/drill", "/mock", "/settings"]:
        page = parse(site.client.get(url).text)
        assert page.one("html").attrs["lang"] == "en"
        assert page.one("a", class_="skip").attrs["href"] == "#main"
        ids = {n.attrs["id"] for n in page.all() if "id" in n.attrs}
        for control in page.all("textarea") + page.all("select"):
            assert control.attrs.get("id") in ids
            assert page.all("label", for_=control.attrs["id"]), f"{url}: unlabelled control"
