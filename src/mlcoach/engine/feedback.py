"""Short feedback that names what to add, from a grade's parts."""

from __future__ import annotations

from mlcoach.domain import PointResult, RedFlagHit


def feedback(points: list[PointResult], flags: list[RedFlagHit], score: float) -> str:
    covered = [p for p in points if p.covered]
    missed_essential = [p for p in points if p.essential and not p.covered]
    missed_other = [p for p in points if not p.essential and not p.covered]
    parts = [f"Covered {len(covered)} of {len(points)} key points ({score:.1f}/5)."]
    if missed_essential:
        parts.append("Must add: " + "; ".join(_short(p.text) for p in missed_essential) + ".")
    if missed_other:
        parts.append(
            "Also worth adding: " + "; ".join(_short(p.text) for p in missed_other[:3]) + "."
        )
    if flags:
        parts.append("Watch out: " + "; ".join(_short(f.text) for f in flags[:3]) + ".")
    if not missed_essential and not missed_other and not flags:
        parts.append("Complete answer: now practise saying it in the time allowed.")
    return " ".join(parts)


def _short(text: str, limit: int = 140) -> str:
    text = text.rstrip(". ")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
