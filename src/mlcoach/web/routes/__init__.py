"""Routes, one small module per area; optional areas join when their modules exist."""

from __future__ import annotations

import importlib.util
from typing import Any

OPTIONAL = {
    "practice": "mlcoach.practice.service",
    "coding": "mlcoach.coding.service",
    "transfer": "mlcoach.transfer",
}


def optional_available() -> dict[str, bool]:
    found = {}
    for name, module in OPTIONAL.items():
        try:
            found[name] = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found[name] = False
    return found


def routers(features: dict[str, bool]) -> list[Any]:
    from mlcoach.web.routes import accounts, api, bank, guides, home

    found = [home.router, bank.router, guides.router, accounts.router, api.router]
    if features.get("practice"):
        from mlcoach.web.routes import api_practice, practice

        found += [practice.router, api_practice.router]
    if features.get("coding"):
        from mlcoach.web.routes import coding

        found += [coding.router, coding.api]
    if features.get("transfer"):
        from mlcoach.web.routes import transfer

        found.append(transfer.router)
    return found
