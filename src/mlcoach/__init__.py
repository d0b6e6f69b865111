"""mlcoach: an offline interview coach for machine-learning roles."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "ContentError",
    "MlcoachError",
    "NotFound",
    "Services",
    "Settings",
    "load_bank",
    "load_settings",
]
__version__ = "0.1.0"

# Imported on first use so that `mlcoach --help` does not pay for pydantic and friends.
_LAZY = {
    "ContentError": "mlcoach.errors",
    "MlcoachError": "mlcoach.errors",
    "NotFound": "mlcoach.errors",
    "Services": "mlcoach.services",
    "Settings": "mlcoach.config",
    "load_settings": "mlcoach.config",
    "load_bank": "mlcoach.bank",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mlcoach' has no attribute {name!r}")
