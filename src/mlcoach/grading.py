"""Grading use-cases: one answer, or a JSON-lines batch (SPEC §4 grade, grade-batch)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from mlcoach.errors import MlcoachError, NotFound

if TYPE_CHECKING:
    from mlcoach.services import Services

MAX_ANSWER_BYTES = 1_000_000


def check_answer(answer: object) -> str:
    if not isinstance(answer, str):
        raise MlcoachError("'answer' must be a text")
    if len(answer.encode("utf-8", errors="replace")) > MAX_ANSWER_BYTES:
        raise MlcoachError("the answer is larger than 1 MB; nobody says that much in an interview")
    return answer


def decode_answer(data: bytes, *, source: str) -> str:
    try:
        return check_answer(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise MlcoachError(f"{source} is not valid UTF-8 (byte {exc.start})") from None


def grade_line(svc: Services, record: dict[str, Any]) -> dict[str, Any]:
    """Grade one batch record in place: `answer` plus `id`, or `reference` [+ key_points]."""
    answer = check_answer(record.get("answer"))
    if "id" in record:
        grade = svc.grade(str(record["id"]), answer)
    elif isinstance(record.get("reference"), str):
        points = record.get("key_points")
        if points is not None and not (
            isinstance(points, list) and all(isinstance(p, str) for p in points)
        ):
            raise MlcoachError("'key_points' must be a list of texts")
        question = record.get("question") or ""
        grade = svc.grade_reference(
            record["reference"], answer, question=str(question), key_points=points
        )
    else:
        raise MlcoachError("each line needs 'answer' and either 'id' or 'reference'")
    return {**record, **grade.to_dict()}


def grade_lines(svc: Services, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Each input line becomes one output record, in order; a bad line gets an 'error'."""
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    for start in range(0, len(numbered), CHUNK):
        parsed = [
            (number, *_parse(number, line)) for number, line in numbered[start : start + CHUNK]
        ]
        answers = [r["answer"] for _, r, _ in parsed if isinstance(r.get("answer"), str)]
        svc.grader.prepare(answers)  # one batched pass through the model for the chunk
        for number, record, unreadable in parsed:
            if unreadable:
                yield record
                continue
            try:
                yield grade_line(svc, record)
            except (MlcoachError, NotFound) as exc:
                yield {**record, "error": f"line {number}: {exc}"}


CHUNK = 128


def _parse(number: int, line: str) -> tuple[dict[str, Any], bool]:
    """The line's record, and whether it was unreadable (then the record is the error)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"line": number, "error": f"line {number}: invalid JSON ({exc.msg})"}, True
    if not isinstance(record, dict):
        return {"line": number, "error": f"line {number}: expected a JSON object"}, True
    return record, False
