"""Settings: one class, MLCOACH_ prefix, every setting described and documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlcoach.config import Settings, load_settings
from mlcoach.errors import ConfigError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MLCOACH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MLCOACH_NEW_CARDS_PER_DAY", "7")
    settings = load_settings()
    assert settings.new_cards_per_day == 7
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path / 'mlcoach.db'}"


def test_every_invalid_value_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLCOACH_DESIRED_RETENTION", "1.5")
    monkeypatch.setenv("MLCOACH_NEW_CARDS_PER_DAY", "lots")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "MLCOACH_DESIRED_RETENTION" in str(info.value)
    assert "MLCOACH_NEW_CARDS_PER_DAY" in str(info.value)


def test_every_setting_has_a_description_and_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert f"MLCOACH_{name.upper()}" in documented, name
