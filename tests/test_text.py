"""Text helpers behind the grader's signals."""

from __future__ import annotations

from mlcoach.engine.matching import conflict
from mlcoach.engine.text import antonym_clash, quantities, sentences, stem, stems


def test_sentences_keep_offsets() -> None:
    text = "First idea here. Second one; third part.\n- a bullet item\n- another"
    spans = sentences(text)
    assert [s.text for s in spans][:2] == ["First idea here.", "Second one; third part."]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_stems_match_inflections() -> None:
    assert stem("overfitting") == stem("overfits") == stem("overfit")
    assert stems("The regularisation terms") == stems("regularization term")


def test_antonym_clash_needs_shared_context() -> None:
    assert antonym_clash("L1 gives sparse weights", "L2 gives sparse weights") is not None
    near = {stem("objective")}
    assert antonym_clash("The objective never increases", "it always terminates", near=near) is None


def test_conflict_detects_a_negated_positive_point() -> None:
    point = "L1 drives some weights exactly to zero."
    assert conflict(point, "L1 does not drive weights to zero.", frozenset(stems(point)))
    assert conflict(point, "L1 drives many weights to zero.", frozenset(stems(point))) is None


def test_conflict_ignores_negative_points_paraphrased() -> None:
    point = "Input drift does not always hurt performance."
    sentence = "Input drift only hurts when production moves to new regions."
    assert conflict(point, sentence, frozenset(stems(point))) is None


def test_conflict_compares_numbers_with_the_same_unit() -> None:
    point = "PyTorch Adam defaults to a learning rate of 0.001."
    wrong = "PyTorch Adam defaults to a learning rate of 0.01."
    assert conflict(point, wrong, frozenset(stems(point))) == "gives a different number"
    same = "PyTorch Adam defaults to a learning rate of 1e-3."
    assert conflict(point, same, frozenset(stems(point))) is None


def test_quantities_read_units_and_percentages() -> None:
    assert quantities("16 bytes per parameter and 50% more") == {(16.0, "bytes"), (0.5, "")}
