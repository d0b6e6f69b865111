"""Plain-text helpers for grading: sentences with offsets, words, stems, cues."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*|\d+(?:\.\d+)?(?:e-?\d+)?%?")
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+(?=[\"'(\[A-Z0-9*`$-])|\n\s*\n|\n(?=\s*(?:[-*+•]|\d+[.)])\s)"
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just let me more most my myself of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves one ones thing things way ways really well get gets got make
    makes made use used uses using like e.g i.e etc via per""".split()
)
NEGATIONS = frozenset(
    """not no never none nothing neither nor cannot can't don't doesn't didn't isn't aren't
    wasn't weren't won't wouldn't shouldn't couldn't without hardly rarely n't""".split()
)
HEDGES = (
    "it depends", "depends on", "many factors", "various factors", "a lot of things",
    "it is important to consider", "it's important to consider", "important to consider",
    "there are many", "there are various", "many ways", "various ways", "in some cases",
    "case by case", "not sure", "i think maybe", "kind of", "sort of", "and so on",
    "and stuff", "something like", "many things", "a variety of", "it varies",
    "hard to say", "various techniques", "different approaches", "best practices",
    "depend on", "depending on", "it's worth", "worth looking", "worth trying",
    "reasonable option", "might need to", "you'd want to", "you might want", "quite a bit",
    "get tricky", "gets tricky", "your use case", "the use case", "the situation",
    "in general", "generally speaking", "a good idea", "many options", "several options",
    "lots of", "think carefully", "carefully consider", "make sure to consider",
    "it's complicated", "complex topic", "no one answer", "no single answer",
    "there's no right answer", "whatever works",
)  # fmt: skip
# Pairs whose swap turns a true statement into a false one; both directions are checked.
ANTONYMS = (
    ("increase", "decrease"), ("increases", "decreases"), ("increasing", "decreasing"),
    ("higher", "lower"), ("high", "low"), ("more", "less"), ("more", "fewer"),
    ("larger", "smaller"), ("large", "small"), ("bigger", "smaller"), ("raise", "lower"),
    ("raises", "lowers"), ("reduce", "increase"), ("reduces", "increases"),
    ("overfitting", "underfitting"), ("overfit", "underfit"), ("bias", "variance"),
    ("precision", "recall"), ("l1", "l2"), ("lasso", "ridge"), ("true", "false"),
    ("positive", "negative"), ("positives", "negatives"), ("convex", "non-convex"),
    ("supervised", "unsupervised"), ("before", "after"), ("always", "never"),
    ("sparse", "dense"), ("faster", "slower"), ("above", "below"), ("maximize", "minimize"),
    ("maximise", "minimise"), ("maximum", "minimum"), ("max", "min"), ("add", "subtract"),
    ("adds", "subtracts"), ("encoder", "decoder"), ("generative", "discriminative"),
    ("independent", "dependent"), ("linear", "nonlinear"), ("linear", "non-linear"),
    ("shallow", "deep"), ("row", "column"), ("rows", "columns"), ("training", "inference"),
    ("mean", "median"), ("vanishing", "exploding"), ("first", "last"), ("same", "different"),
    ("stable", "unstable"), ("biased", "unbiased"), ("symmetric", "asymmetric"),
    ("expensive", "cheap"), ("slow", "fast"), ("easier", "harder"), ("better", "worse"),
    ("underestimates", "overestimates"), ("local", "global"), ("lowest", "highest"),
    ("smallest", "largest"), ("wider", "narrower"), ("longer", "shorter"),
)  # fmt: skip
_ANTONYM_OF: dict[str, set[str]] = {}
for _a, _b in ANTONYMS:
    _ANTONYM_OF.setdefault(_a, set()).add(_b)
    _ANTONYM_OF.setdefault(_b, set()).add(_a)


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'")


def sentences(text: str) -> list[Span]:
    """Sentences (and bullet items) with character offsets into `text`."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_span(spans, text, start, match.start())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not any(ch.isalnum() for ch in stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append(Span(stripped, start + lead, start + lead + len(stripped)))


def words(text: str) -> list[str]:
    return list(_words(text))


@functools.lru_cache(maxsize=20_000)
def _words(text: str) -> tuple[str, ...]:
    found = (w.lower().replace("’", "'") for w in _WORD.findall(normalise(text)))
    return tuple(w.removesuffix("'s").rstrip("'") for w in found)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and w not in NEGATIONS and len(w) > 1]


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'overfits'/'overfitting', 'scaled'/'scaling'."""
    word = word.lower().strip("'-")
    for suffix in ("izations", "isations", "ization", "isation", "ational", "fulness",
                   "iveness", "ements", "ement", "ments", "ment", "ities", "ity", "ings",
                   "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly", "s"):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word.rstrip("e") if len(word) > 4 else word


def stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]


def antonym_clash(point: str, sentence: str, *, near: set[str] | None = None) -> str | None:
    """A word of `point` whose antonym stands in `sentence` while the word itself does not.

    With `near`, the antonym must stand within three words of one of those stems, so that
    'always terminates' does not clash with 'never increases'.
    """
    point_words = set(words(point))
    found = words(sentence)
    sentence_words = set(found)
    for word in point_words:
        for opposite in _ANTONYM_OF.get(word, ()):
            if opposite not in sentence_words or opposite in point_words or word in sentence_words:
                continue
            if near is None or _near(found, opposite, near):
                return f"{opposite} instead of {word}"
    return None


def _near(found: list[str], word: str, stems_wanted: set[str], window: int = 3) -> bool:
    for i, current in enumerate(found):
        if current == word:
            around = found[max(0, i - window) : i] + found[i + 1 : i + 1 + window]
            if any(stem(w) in stems_wanted for w in around):
                return True
    return False


_QUANTITY = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?(?:e-?\d+)?)\s*(%|[a-zA-Z]+)?")


def quantities(text: str) -> set[tuple[float, str]]:
    """Numbers with the word right after them as their unit: {(16.0, 'bytes'), (0.001, '')}."""
    found = set()
    for value, unit in _QUANTITY.findall(normalise(text)):
        try:
            number = float(value)
        except ValueError:
            continue
        unit = (unit or "").lower()
        if unit == "%":
            number, unit = number / 100, ""
        if unit in STOPWORDS:
            unit = ""
        found.add((round(number, 9), unit))
    return found


def hedge_count(text: str) -> int:
    lowered = normalise(text).lower()
    return sum(lowered.count(h) for h in HEDGES)


def function_word_ratio(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    return sum(1 for w in found if w in STOPWORDS) / len(found)
