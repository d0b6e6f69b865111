"""Similarity of a key point (or a red-flag claim) with the units of an answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from mlcoach.engine.text import NEGATIONS, antonym_clash, quantities, stem, words
from mlcoach.engine.units import Unit, UnitIndex

# The text-level negation words, plus words that negate what follows them in a clause.
NEGATION_CUES = NEGATIONS | frozenset("seldom barely instead rather avoid avoids avoiding".split())


_IDIOMS = re.compile(
    r"\b(no matter|not only|not just|not merely|nothing but|no doubt|not least|"
    r"if not|whether or not|no less than|not to mention)\b",
    re.I,
)


_NON_PREFIX = re.compile(r"\bnon-?(\w)", re.I)
_CLAUSE = re.compile(
    r"[,;:()\u2014]|\s-\s|\b(?:but|while|whereas|although|though|because|since|so|and then|"
    r"which|whereby|unless|except)\b",
    re.I,
)


@dataclass(frozen=True)
class Scale:
    """Maps raw similarities to 0-1; set on the trap set (bench/), never on benchmark scores."""

    cos_floor: float = 0.15
    cos_top: float = 0.75
    align_floor: float = 0.40
    align_top: float = 0.85
    w_cos: float = 0.5
    w_align: float = 0.3
    w_lex: float = 0.2


@dataclass(frozen=True)
class Match:
    score: float  # combined similarity in 0..1
    unit: Unit | None
    conflict: str | None  # why the best-matching sentence contradicts the point, if it does
    sentence: Unit | None = None  # the best-matching single sentence
    sentence_score: float = 0.0
    scores: tuple[float, ...] = ()  # similarity with every unit, in order


def unit_scores(
    vector: np.ndarray,
    tokens: np.ndarray,
    stems: frozenset[str],
    index: UnitIndex,
    scale: Scale,
) -> list[float]:
    """The combined similarity of one claim with every unit of the answer."""
    cos = _ramps(index.cosines(vector), scale.cos_floor, scale.cos_top)
    align = _ramps(index.alignment(tokens), scale.align_floor, scale.align_top)
    if not len(tokens):
        align = np.zeros_like(cos)
    lex = np.array([len(stems & unit) / len(stems) if stems else 0.0 for unit in index.stems])
    combined = scale.w_cos * cos + scale.w_align * align + scale.w_lex * lex
    return [float(x) for x in combined]


def _ramps(values: np.ndarray, floor: float, top: float) -> np.ndarray:
    result: np.ndarray = np.clip((values - floor) / (top - floor), 0.0, 1.0)
    return result


def judge(
    text: str,
    stems: frozenset[str],
    units: list[Unit],
    scores: list[float],
    *,
    bar: float,
    owned: set[int] | None = None,
) -> Match:
    """The best unit for a claim, and a conflict when every sentence that states this
    claim's subject well (and is about this claim rather than another) contradicts it."""
    # A unit that swaps the point's subject for its opposite ("L2" for "L1") is about
    # something else: it can neither cover the point nor, unless it is about this point,
    # contradict it.
    eligible = [i for i, unit in enumerate(units) if antonym_clash(text, unit.span.text) is None]
    if not eligible:
        return Match(0.0, None, None, scores=tuple(scores))
    best = max(eligible, key=lambda i: scores[i])
    singles = sorted((i for i, unit in enumerate(units) if unit.single), key=lambda i: -scores[i])
    top = singles[0] if singles else best
    strong = [i for i in singles if scores[i] >= bar and (owned is None or i in owned)]
    reasons = {i: conflict(text, units[i].span.text, stems) for i in strong}
    clean = [i for i in strong if reasons[i] is None]
    reason = None
    if clean:
        top = clean[0]  # the best sentence that says it without contradicting it
    elif strong:
        top, reason = strong[0], reasons[strong[0]]
    return Match(
        round(float(scores[best]), 4),
        units[best],
        reason,
        units[top],
        round(float(scores[top]), 4),
        tuple(scores),
    )


def conflict(point: str, sentence: str, point_stems: frozenset[str]) -> str | None:
    """A reason the sentence says the opposite of the point, or None.

    Built for precision: telling a candidate who was right that they contradicted
    themselves is worse than missing a contradiction. Only words the two texts share are
    compared; an antonym must stand next to shared content; a negation counts only when
    just one of the two texts negates anything at all; a number must differ where both
    texts give exactly one number with the same unit.
    """
    point_words, sentence_words = _polar_words(point), _polar_words(sentence)
    shared = {stem(w) for w, _ in sentence_words} & {stem(w) for w, _ in point_words} & point_stems
    clash = antonym_clash(point, sentence, near=shared)
    if clash:
        return clash
    # One direction only: a positive point negated in the answer. Points that are themselves
    # negative ("does not always hurt") are paraphrased in too many ways to compare safely.
    point_neg, sentence_neg = _negated(point_words), _negated(sentence_words)
    if not point_neg and not _has_cue(point) and shared & sentence_neg:
        return "negates it"
    point_numbers, sentence_numbers = quantities(point), quantities(sentence)
    if len(point_numbers) == 1 and len(sentence_numbers) == 1:
        [(value, unit)], [(other, other_unit)] = point_numbers, sentence_numbers
        if unit == other_unit and value != other:
            return "gives a different number"
    return None


def _has_cue(text: str) -> bool:
    return any(word in NEGATION_CUES for word in words(_NON_PREFIX.sub(r"not \1", text)))


def _negated(polar: list[tuple[str, bool]]) -> set[str]:
    return {stem(word) for word, is_negated in polar if is_negated}


def _polar_words(text: str) -> list[tuple[str, bool]]:
    """Each word with whether a negation governs it: a cue earlier in the same clause."""
    plain = _NON_PREFIX.sub(r"not \1", _without_idioms(text))
    found: list[tuple[str, bool]] = []
    for clause in _CLAUSE.split(plain):
        negated = False
        for word in words(clause):
            if word in NEGATION_CUES:
                negated = True
            else:
                found.append((word, negated))
    return found


def _without_idioms(text: str) -> str:
    """Drop phrases that contain a negation word but do not negate ('no matter how')."""
    return _IDIOMS.sub(" ", text)
