"""The coding page (run in the sandbox, reveal) and the import/export page, per user."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.support import Web, new_client, parse, sign_up, web

PROBLEM = "softmax-stable"
CSV = (
    "question,answer\n"
    "What is a confusion matrix?,A table of predicted against actual classes: true positives, "
    "false positives, false negatives and true negatives.\n"
    "What does recall measure?,The share of actual positives the model finds: TP / (TP + FN).\n"
)
needs_sandbox = pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Web]:
    with web(tmp_path) as w:
        yield w


def test_coding_list_and_page(site: Web) -> None:
    listing = parse(site.client.get("/coding").text)
    links = [a.attrs["href"] for a in listing.all("a", class_="item-title")]
    assert f"/coding/{PROBLEM}" in links and len(links) == len(site.services.bank.coding)
    page = parse(site.client.get(f"/coding/{PROBLEM}").text)
    editor = page.one("textarea", id="code")
    assert "data-code-editor" in editor.attrs and "data-tab-indent" in editor.attrs
    assert editor.text() == " ".join(site.services.bank.coding[PROBLEM].starter.split())
    assert page.one("label", for_="code")
    assert page.one("script", src="/static/vendor/codemirror-5.65.21/codemirror.js")
    assert site.client.get("/coding/nope").status_code == 404


@needs_sandbox
def test_running_code_shows_each_test_and_is_kept(site: Web) -> None:
    problem = site.services.bank.coding[PROBLEM]
    good = parse(site.post_form(f"/coding/{PROBLEM}/run", {"code": problem.solution}).text)
    assert good.one("h2").text().startswith("All ")
    assert not good.all("span", class_="bad")
    bad = parse(site.post_form(f"/coding/{PROBLEM}/run", {"code": problem.starter}).text)
    assert bad.all("span", class_="bad") or bad.all("div", class_="flash")
    page = parse(site.client.get(f"/coding/{PROBLEM}").text)
    assert page.one("textarea", id="code").text() == " ".join(problem.starter.split())  # last run
    assert len(page.all("tr")) >= 2
    assert site.services.store.cards.get(1, PROBLEM) is not None  # the failed run made it due


@needs_sandbox
def test_coding_api_runs_code(site: Web) -> None:
    problem = site.services.bank.coding[PROBLEM]
    result = site.client.post(
        f"/api/coding/{PROBLEM}/run",
        json={"code": problem.solution},
        headers={"X-CSRF-Token": site.csrf()},
    ).json()
    assert set(result) == {"passed", "failed", "error", "tests", "seconds"}
    assert result["failed"] == 0 and result["passed"] > 0


def test_reveal_shows_the_reference_and_schedules_a_review(site: Web) -> None:
    html = site.post_form(f"/coding/{PROBLEM}/reveal", {}, headers={"HX-Request": "true"}).text
    assert parse(html).all("pre")
    card = site.services.store.cards.get(1, PROBLEM)
    assert card is not None and card.due <= site.clock()


def test_import_a_csv_then_find_and_export_it(site: Web) -> None:
    files = {"upload": ("my deck.csv", CSV.encode(), "text/csv")}
    response = site.client.post(
        "/transfer/import", data={"csrf_token": site.csrf(), "fmt": "auto"}, files=files
    )
    assert response.status_code == 200
    report = parse(response.text)
    assert "Imported 2 questions" in report.one("h2").text()
    link = report.one("div", class_="card", role="status").one("a").attrs["href"]
    assert site.client.get(link).status_code == 200
    again = site.client.post("/transfer/import", data={"csrf_token": site.csrf()}, files=files)
    assert "Imported 0 questions" in parse(again.text).one("h2").text()
    deck = link.removeprefix("/questions/").split("/")[0]
    exported = site.post_form("/transfer/export", {"target": "json", "deck": deck})
    assert exported.headers["content-disposition"].startswith("attachment")
    assert len(json.dumps(exported.json())) > 100 and "confusion matrix" in exported.text
    markdown = site.post_form("/transfer/export", {"target": "md", "deck": deck})
    assert len(zipfile.ZipFile(io.BytesIO(markdown.content)).namelist()) == 2


def test_dry_run_stores_nothing(site: Web) -> None:
    files = {"upload": ("x.csv", CSV.encode(), "text/csv")}
    response = site.client.post(
        "/transfer/import", data={"csrf_token": site.csrf(), "dry_run": "1"}, files=files
    )
    assert "Dry run" in parse(response.text).one("h2").text()
    assert site.services.store.imported.list(1) == []


def test_bad_upload_is_one_clear_message(site: Web) -> None:
    files = {"upload": ("x.csv", b"\xff\xfe\x00garbage", "text/csv")}
    response = site.client.post("/transfer/import", data={"csrf_token": site.csrf()}, files=files)
    assert response.status_code in (200, 400)
    assert "Traceback" not in response.text


def test_imports_belong_to_the_signed_in_user(tmp_path: Path) -> None:
    with web(tmp_path, multi_user=True) as site:
        a, b = new_client(site.app), new_client(site.app)
        sign_up(a, "alice")
        sign_up(b, "bob")
        token = a.get("/api/session").json()["csrf_token"]
        files = {"upload": ("alice.csv", CSV.encode(), "text/csv")}
        a.post("/transfer/import", data={"csrf_token": token}, files=files)
        alice = site.services.store.users.by_name("alice")
        bob = site.services.store.users.by_name("bob")
        assert alice and bob
        assert len(site.services.store.imported.list(alice.id)) == 2
        assert site.services.store.imported.list(bob.id) == []
        assert site.services.store.users.by_name("local") is None
        token_b = b.get("/api/session").json()["csrf_token"]
        denied = b.post("/transfer/export", data={"csrf_token": token_b, "deck": "alice"})
        assert denied.status_code == 404
