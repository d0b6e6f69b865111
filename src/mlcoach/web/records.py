"""Small web-only records kept as files under data_dir (no schema change needed):
error reports as JSON lines, and each user's display preferences as one JSON file."""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mlcoach.errors import MlcoachError, NotFound

MAX_REPORT_CHARS = 4000
THEMES = ("auto", "light", "dark")


@dataclass(frozen=True)
class ErrorReport:
    id: str
    question_id: str
    user_id: int
    username: str
    message: str
    created_at: str
    resolved_at: str | None = None


class ErrorReports:
    """'Report an error in this item': appended, fsynced, then listed for admins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def add(
        self, *, question_id: str, user_id: int, username: str, message: str, now: datetime
    ) -> ErrorReport:
        message = message.strip()
        if not message:
            raise MlcoachError("please describe the error")
        if len(message) > MAX_REPORT_CHARS:
            raise MlcoachError(f"please keep the report under {MAX_REPORT_CHARS} characters")
        report = ErrorReport(
            secrets.token_hex(6), question_id, user_id, username, message, now.isoformat()
        )
        self._append({"report": asdict(report)})
        return report

    def resolve(self, report_id: str, *, now: datetime) -> None:
        if report_id not in {r.id for r in self.all()}:
            raise NotFound(f"no error report with id {report_id!r}")
        self._append({"resolve": report_id, "at": now.isoformat()})

    def all(self) -> list[ErrorReport]:
        """Newest first; a line cut short by a crash is skipped, not fatal."""
        reports: dict[str, ErrorReport] = {}
        for record in self._records():
            if isinstance(record.get("report"), dict):
                try:
                    report = ErrorReport(**record["report"])
                except TypeError:
                    continue
                reports[report.id] = report
            elif record.get("resolve") in reports:
                old = reports[record["resolve"]]
                reports[old.id] = ErrorReport(**{**asdict(old), "resolved_at": record.get("at")})
        return sorted(reports.values(), key=lambda r: r.created_at, reverse=True)

    def for_user(self, user_id: int) -> list[ErrorReport]:
        return [r for r in self.all() if r.user_id == user_id]

    def _records(self) -> list[dict[str, Any]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        records = []
        for line in lines:
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                records.append(value)
        return records

    def _append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())


@dataclass(frozen=True)
class Preferences:
    theme: str = "auto"
    role: str = ""  # the role the candidate is preparing for; "" = not chosen yet

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


class PreferenceStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[int, Preferences] = {}

    def get(self, user_id: int) -> Preferences:
        if user_id not in self._cache:
            self._cache[user_id] = self._read(user_id)
        return self._cache[user_id]

    def save(self, user_id: int, prefs: Preferences) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{user_id}.json"
        tmp = path.with_suffix(f".{secrets.token_hex(4)}.tmp")
        tmp.write_text(json.dumps(prefs.to_dict()), encoding="utf-8")
        tmp.replace(path)
        self._cache[user_id] = prefs

    def _read(self, user_id: int) -> Preferences:
        try:
            data = json.loads((self.folder / f"{user_id}.json").read_text(encoding="utf-8"))
            theme = data.get("theme") if data.get("theme") in THEMES else "auto"
            return Preferences(theme=theme, role=str(data.get("role") or ""))
        except (OSError, ValueError, AttributeError):
            return Preferences()
