"""Caps for answers whose form shows no understanding: too short, buzzwords, hedging."""

from __future__ import annotations

from mlcoach.domain import RedFlagHit
from mlcoach.engine.text import function_word_ratio, hedge_count, sentences, words

MIN_WORDS = 5
BUZZWORD_FUNCTION_RATIO = 0.18
CONFIDENT_MATCH = 0.65  # a hedged answer that nails a key point this well is not vague


def style_caps(
    text: str,
    score: float,
    flags: list[RedFlagHit],
    *,
    best_match: float,
    reference_words: int = 100,
) -> tuple[float, list[RedFlagHit]]:
    """Caps by form. "Too short" is relative: a one-line reference allows a short answer."""
    found = words(text)
    if len(found) < min(MIN_WORDS, max(2, reference_words // 2)):
        flag = RedFlagHit("The answer is too short to show understanding.")
        return min(score, 1.0), [*flags, flag]
    if function_word_ratio(text) < BUZZWORD_FUNCTION_RATIO:
        flag = RedFlagHit("Lists terms without explaining how they connect.")
        return min(score, 1.0), [*flags, flag]
    if _vague(text) and best_match < CONFIDENT_MATCH:
        flag = RedFlagHit("Hedges instead of committing to a concrete answer.")
        return min(score, 1.5), [*flags, flag]
    return score, flags


def _vague(text: str) -> bool:
    """Hedging in at least half of the sentences (or twice in a short answer)."""
    parts = sentences(text)
    hedged = sum(1 for s in parts if hedge_count(s.text) > 0)
    return hedged >= max(1, (len(parts) + 1) // 2) or hedge_count(text) >= 2
