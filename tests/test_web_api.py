"""The JSON API under /api: shapes, errors, and the same services as the pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.support import QID, Web, web

ANSWER = "For a convex objective every local minimum is a global minimum."


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Web]:
    with web(tmp_path) as w:
        yield w


def _post(api: Web, url: str, body: dict[str, object]) -> object:
    return api.client.post(url, json=body, headers={"X-CSRF-Token": api.csrf()})


def test_openapi_lists_the_api_only(api: Web) -> None:
    schema = api.client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in [
        "/api/questions",
        "/api/search",
        "/api/grade",
        "/api/reviews",
        "/api/mocks",
        "/api/stats",
        "/api/attempts/{attempt_id}",
    ]:
        assert path in paths
    assert all(p.startswith("/api/") for p in paths)


def test_session_tells_the_user_and_token(api: Web) -> None:
    body = api.client.get("/api/session").json()
    assert body["user"]["username"] == "local" and body["multi_user"] is False
    assert len(body["csrf_token"]) == 40


def test_questions_filters_and_pages(api: Web) -> None:
    body = api.client.get("/api/questions", params={"topic": "statistics-math", "page": 2}).json()
    assert body["page"] == 2 and body["total"] > 20
    assert all("statistics-math" in item["topics"] for item in body["items"])
    assert "answer" not in body["items"][0]


def test_question_search_and_related(api: Web) -> None:
    question = api.client.get(f"/api/questions/{QID}").json()
    assert question["id"] == QID and question["key_points"]
    hits = api.client.get("/api/search", params={"q": "convexity guarantees", "limit": 3}).json()
    assert len(hits) == 3 and hits[0]["id"] == QID and set(hits[0]) == {"id", "title", "score"}
    related = api.client.get(f"/api/related/{QID}").json()
    assert related and QID not in [r["id"] for r in related]
    assert api.client.get("/api/questions/nope").json() == {"error": "no question with id 'nope'"}


def test_grade_keeps_an_attempt_and_overrides_change_it(api: Web) -> None:
    response = _post(api, "/api/grade", {"question_id": QID, "answer": ANSWER})
    body = response.json()  # type: ignore[attr-defined]
    assert set(body["grade"]) == {"score", "points", "red_flags", "feedback"}
    covered = [p for p in body["grade"]["points"] if p["covered"]]
    assert covered and covered[0]["evidence"]["text"] in ANSWER
    attempt = api.client.get(f"/api/attempts/{body['attempt_id']}").json()
    assert attempt["answer"] == ANSWER and attempt["source"] == "question"
    listed = api.client.get("/api/attempts", params={"question_id": QID}).json()
    assert [a["id"] for a in listed] == [body["attempt_id"]]
    missed = next(i for i, p in enumerate(body["grade"]["points"]) if not p["covered"])
    changed = _post(api, f"/api/attempts/{body['attempt_id']}/overrides", {"point": missed})
    assert changed.json()["overrides"]["covered"] == [missed]  # type: ignore[attr-defined]
    wrong = _post(api, f"/api/attempts/{body['attempt_id']}/overrides", {"point": 99})
    assert wrong.status_code == 404  # type: ignore[attr-defined]


def test_bad_input_gives_one_clear_error(api: Web) -> None:
    empty = _post(api, "/api/grade", {"question_id": QID, "answer": " "})
    assert empty.status_code == 400 and "empty answer" in empty.json()["error"]  # type: ignore[attr-defined]
    missing = _post(api, "/api/grade", {"answer": "x"})
    assert missing.status_code == 422 and "question_id" in missing.json()["error"]  # type: ignore[attr-defined]
    naive = _post(
        api,
        "/api/grade",
        {"question_id": QID, "answer": ANSWER, "started_at": "2026-01-01T00:00:00"},
    )
    assert naive.status_code == 200  # a naive start time is ignored, not trusted  # type: ignore[attr-defined]


def test_reviews_due_and_stats(api: Web) -> None:
    rated = _post(api, "/api/reviews", {"question_id": QID, "rating": 1}).json()  # type: ignore[attr-defined]
    assert rated["rating"] == 1 and rated["next_due"] > "2026-03-02T09:30"
    assert [r["question_id"] for r in api.client.get("/api/reviews").json()] == [QID]
    api.clock.advance(days=1)
    assert QID in [c["question_id"] for c in api.client.get("/api/reviews/due").json()]
    stats = api.client.get("/api/stats").json()
    assert stats["reviews"] == 1 and set(stats["readiness"]) >= {"mle", "ds"}
    bad = _post(api, "/api/reviews", {"question_id": QID, "rating": 5})
    assert bad.status_code == 422  # type: ignore[attr-defined]


def test_mock_lifecycle(api: Web) -> None:
    started = _post(api, "/api/mocks", {"role": "ds", "level": "junior", "minutes": 10}).json()  # type: ignore[attr-defined]
    assert started["phase"] == "asking" and started["current"]["prompt"]
    sid = started["id"]
    for _ in range(10):
        api.clock.advance(seconds=45)
        state = _post(api, f"/api/mocks/{sid}/answer", {"answer": ANSWER}).json()  # type: ignore[attr-defined]
        if state["phase"] == "done":
            break
    assert state["phase"] == "done" and state["current"] is None
    report = api.client.get(f"/api/mocks/{sid}/report").json()
    assert report["role"] == "ds" and report["questions"]
    again = _post(api, f"/api/mocks/{sid}/answer", {"answer": ANSWER})
    assert again.status_code == 400  # type: ignore[attr-defined]
    assert [m["id"] for m in api.client.get("/api/mocks").json()] == [sid]


def test_mock_stop_and_bad_choices(api: Web) -> None:
    sid = _post(api, "/api/mocks", {"role": "mle", "minutes": 30}).json()["id"]  # type: ignore[attr-defined]
    stopped = _post(api, f"/api/mocks/{sid}/stop", {}).json()  # type: ignore[attr-defined]
    assert stopped["phase"] == "done"
    bad = _post(api, "/api/mocks", {"role": "astronaut"})
    assert bad.status_code == 400 and "role" in bad.json()["error"]  # type: ignore[attr-defined]


def test_reports_roles_and_sheets(api: Web) -> None:
    made = _post(api, "/api/reports", {"question_id": QID, "message": "a typo"}).json()  # type: ignore[attr-defined]
    assert made["question_id"] == QID
    assert [r.message for r in api.app.state.web.reports.all()] == ["a typo"]
    roles = api.client.get("/api/roles").json()
    assert {r["role"] for r in roles} >= {"mle", "ds", "mlops"}
    sheets = api.client.get("/api/sheets").json()
    assert sheets and all(s["body"] for s in sheets)
