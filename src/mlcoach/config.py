"""Settings: declared once, read from the environment (prefix MLCOACH_) when asked for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from mlcoach.domain import Role
from mlcoach.errors import ConfigError

APP_NAME = "mlcoach"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class Settings(BaseSettings):
    """Every setting of mlcoach, with its default and what it does."""

    model_config = SettingsConfigDict(env_prefix="MLCOACH_", extra="ignore")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the embedded SQLite store and other local state.",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the store, e.g. postgresql+psycopg://user@host/db. "
            "Empty means SQLite at <data_dir>/mlcoach.db."
        ),
    )
    content_dir: Path | None = Field(
        default=None,
        description="Folder of the question bank to use instead of the built-in one.",
    )
    user: str = Field(
        default="local",
        description="Name of the local user whose progress the terminal commands use.",
    )
    desired_retention: float = Field(
        default=0.9,
        gt=0.7,
        lt=0.99,
        description="Probability of recall the review scheduler aims for (FSRS).",
    )
    new_cards_per_day: int = Field(
        default=15, ge=0, le=500, description="New questions introduced per day in drills."
    )
    embedding_model: str = Field(
        default="minilm-int8",
        description=(
            "Sentence-embedding model for grading and search: 'minilm-int8' (shipped), a "
            "local folder with model.onnx and tokenizer.json, or a hub id such as "
            "'org/name' (needs huggingface_hub and internet)."
        ),
    )
    threads: int = Field(
        default=2, ge=1, le=64, description="CPU threads the embedding model may use."
    )
    interview_date: date | None = Field(
        default=None, description="Date of your interview; the daily plan works back from it."
    )
    target_role: Role | None = Field(
        default=None,
        description="Role you are preparing for (e.g. mle); the daily plan and drills favour it.",
    )
    multi_user: bool = Field(
        default=False,
        description=(
            "Web: accounts with sign-up and login (needed to serve on a non-loopback address)."
        ),
    )
    secret_key: str | None = Field(
        default=None,
        description=(
            "Web: key that signs session cookies and CSRF tokens; share it between instances. "
            "Empty means a random key kept in <data_dir>/web-secret."
        ),
    )
    admins: str = Field(
        default="",
        description="Web, multi-user mode: comma-separated user names who may see error reports.",
    )

    @field_validator("database_url")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    def resolved_database_url(self) -> str:
        """The store URL: the configured one, else SQLite inside data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'mlcoach.db'}"


def load_settings(**overrides: object) -> Settings:
    """Build Settings from the environment, reporting every invalid value at once."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"MLCOACH_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
