"""The lexical fallback encoder: hashed bags of word stems, same interface as the model."""

from __future__ import annotations

import zlib

import numpy as np

from mlcoach.engine.text import stems

DIM = 1024


class LexicalEncoder:
    """Used when no embedding model loads: similarity from shared word stems only."""

    name = "lexical"
    dim = DIM

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([vector for vector, _ in self.encode_with_tokens(texts)])

    def encode_with_tokens(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        return [_encode(text) for text in texts]


def _bucket(word: str) -> int:
    return zlib.crc32(word.encode()) % DIM


def _encode(text: str) -> tuple[np.ndarray, np.ndarray]:
    found = stems(text)
    tokens = np.zeros((len(found), DIM), dtype=np.float32)
    for row, word in enumerate(found):
        tokens[row, _bucket(word)] = 1.0
    vector = tokens.sum(0)
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm else vector), tokens
