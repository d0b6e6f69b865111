"""`mlcoach grade` and `grade-batch` as SPEC §4 says, and their bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mlcoach.cli import app
from mlcoach.config import Settings
from mlcoach.services import Services

runner = CliRunner()
ANSWER = "L1 pushes many weights exactly to zero. L2 shrinks them but not to zero."


def test_grade_json_has_the_spec_shape() -> None:
    result = runner.invoke(app, ["grade", "l1-vs-l2-sparsity", "--answer", ANSWER, "--json"])
    assert result.exit_code == 0, result.output
    grade = json.loads(result.stdout)
    assert set(grade) == {"score", "points", "red_flags", "feedback"}
    assert 0.0 <= grade["score"] <= 5.0
    point = grade["points"][0]
    assert set(point) == {"text", "essential", "covered", "similarity", "evidence"}
    covered = [p for p in grade["points"] if p["evidence"]]
    for p in covered:
        assert ANSWER[p["evidence"]["start"] : p["evidence"]["end"]] == p["evidence"]["text"]


def test_grade_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    from_file = runner.invoke(
        app, ["grade", "l1-vs-l2-sparsity", "--answer-file", str(answer), "--json"]
    )
    from_stdin = runner.invoke(
        app, ["grade", "l1-vs-l2-sparsity", "--answer-file", "-", "--json"], input=ANSWER
    )
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)


def test_non_utf8_answer_file_is_one_clear_error(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_bytes(b"L1 gives \xff\xfe sparse weights")
    result = runner.invoke(app, ["grade", "l1-vs-l2-sparsity", "--answer-file", str(answer)])
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.stderr and "Traceback" not in result.output


def test_grade_needs_exactly_one_answer_source() -> None:
    result = runner.invoke(app, ["grade", "l1-vs-l2-sparsity"])
    assert result.exit_code == 1 and "exactly one of" in result.stderr


def test_grade_unknown_id_is_a_clear_error() -> None:
    result = runner.invoke(app, ["grade", "no-such-id", "--answer", "x", "--json"])
    assert result.exit_code == 2 and result.stdout == ""


def test_grade_batch_round_trip_keeps_order_and_marks_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "l1-vs-l2-sparsity", "answer": ANSWER, "tag": 1},
        "not json",
        {"reference": "A stack is last in, first out.", "question": "What is a stack?",
         "answer": "It is LIFO: the last item pushed is the first popped.", "tag": 3},
        {"answer": "no id or reference", "tag": 4},
        {"reference": "Precision is TP over TP plus FP.", "answer": "TP/(TP+FP)",
         "key_points": ["! Precision is TP divided by TP plus FP."], "tag": 5},
        {"id": "l1-vs-l2-sparsity", "answer": 42, "tag": 6},
    ]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["grade-batch", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 6
    assert [r.get("tag") for r in records] == [1, None, 3, 4, 5, 6]
    assert "score" in records[0] and "score" in records[2] and "score" in records[4]
    assert "invalid JSON" in records[1]["error"] and records[1]["line"] == 2
    assert "either 'id' or 'reference'" in records[3]["error"]
    assert "must be a text" in records[5]["error"]


def test_model_that_cannot_load_falls_back_with_one_warning(tmp_path: Path) -> None:
    svc = Services(Settings(data_dir=tmp_path, embedding_model=str(tmp_path / "no-model")))
    grade = svc.grade("l1-vs-l2-sparsity", ANSWER)
    assert 0.0 < grade.score <= 5.0
    assert len(svc.warnings) == 1 and "word overlap" in svc.warnings[0]
    svc.grade("l1-vs-l2-sparsity", "fine")
    assert len(svc.warnings) == 1


def test_fallback_warning_is_printed_on_stderr_not_stdout(tmp_path: Path) -> None:
    env = {"MLCOACH_EMBEDDING_MODEL": str(tmp_path / "missing"), "MLCOACH_DATA_DIR": str(tmp_path)}
    result = runner.invoke(
        app, ["grade", "l1-vs-l2-sparsity", "--answer", ANSWER, "--json"], env=env
    )
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert "warning:" in result.stderr


def test_huge_answer_file_is_refused_clearly(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("word " * 300_000, encoding="utf-8")
    result = runner.invoke(app, ["grade", "l1-vs-l2-sparsity", "--answer-file", str(answer)])
    assert result.exit_code == 1 and "larger than 1 MB" in result.stderr
