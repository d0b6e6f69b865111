"""Anki packages (.apkg): each note becomes a question (front field: prompt, back: answer).

An .apkg is a zip holding a SQLite collection: `collection.anki21b` (zstd-compressed,
Anki 2.1.50+), `collection.anki21` or `collection.anki2`. It is read with zipfile and
sqlite3 only; the `anki` package is not needed. Notes of mlcoach's own note type (what
`mlcoach export anki` writes) keep their id, key points, red flags, topics, level and roles.
"""

from __future__ import annotations

import importlib
import json
import re
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from mlcoach.bank.importers.common import Parsed, clean_title, finish, slugify
from mlcoach.bank.importers.htmltext import fragment_to_markdown
from mlcoach.domain import KeyPoint, Kind, Level, Question, Role
from mlcoach.errors import MlcoachError

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_COLLECTION = 1024 * 1024 * 1024
FRONT = ("prompt", "front", "question", "text", "q")
BACK = ("answer", "back", "a", "back extra", "extra")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.S)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_LI = re.compile(r"<li\b[^>]*>(.*?)</li\s*>", re.S | re.I)


@dataclass(frozen=True)
class NoteType:
    name: str
    fields: tuple[str, ...]


def parse_apkg(path: Path, *, display: str) -> Parsed:
    parsed = Parsed()
    with tempfile.TemporaryDirectory(prefix="mlcoach-apkg-") as tmp:
        database = Path(tmp) / "collection.sqlite"
        database.write_bytes(_collection_bytes(path, display=display))
        try:
            conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
            try:
                types = _note_types(conn)
                notes = conn.execute("SELECT id, mid, tags, flds FROM notes ORDER BY id").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise MlcoachError(f"{display}: not a readable Anki collection ({exc})") from None
    for number, (note_id, mid, tags, fields) in enumerate(notes, start=1):
        note_type = types.get(int(mid), NoteType("", ()))
        question = _question(note_type, str(fields).split("\x1f"), str(tags).split())
        if question is None:
            parsed.warn(display, number, f"note {note_id} has an empty front: skipped")
            continue
        parsed.drafts.append(finish(question, path=display, line=number))
    return parsed


def _collection_bytes(path: Path, *, display: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            name = next((n for n in COLLECTIONS if n in names), None)
            if name is None:
                raise MlcoachError(f"{display}: no Anki collection inside this .apkg")
            if package.getinfo(name).file_size > MAX_COLLECTION:
                raise MlcoachError(f"{display}: the collection inside is too big to import")
            data = package.read(name)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise MlcoachError(f"{display}: not an Anki package (.apkg is a zip): {exc}") from None
    return _unzstd(data, display=display) if name.endswith("b") else data


def _unzstd(data: bytes, *, display: str) -> bytes:
    """Anki 2.1.50+ compresses the collection with zstd: use whichever decoder exists."""
    for module in ("zstandard", "compression.zstd"):
        try:
            zstd = importlib.import_module(module)
        except ImportError:
            continue
        try:
            if module == "zstandard":
                return bytes(zstd.ZstdDecompressor().decompressobj().decompress(data))
            return bytes(zstd.decompress(data))
        except Exception as exc:  # each library has its own error class
            raise MlcoachError(f"{display}: corrupt compressed collection ({exc})") from None
    exe = shutil.which("zstd")
    if exe is None:
        raise MlcoachError(
            f"{display} uses Anki's newer compressed format: install the 'zstandard' Python "
            "package or the zstd tool, or export again from Anki with 'Support older Anki "
            "versions' ticked"
        )
    done = subprocess.run([exe, "-d", "-c", "-q"], input=data, capture_output=True, check=False)
    if done.returncode != 0:
        raise MlcoachError(f"{display}: corrupt compressed collection")
    return done.stdout


def _note_types(conn: sqlite3.Connection) -> dict[int, NoteType]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "notetypes" in tables and "fields" in tables:  # schema 18 (anki21b)
        names = dict(conn.execute("SELECT id, name FROM notetypes").fetchall())
        fields: dict[int, list[str]] = {}
        for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            fields.setdefault(int(ntid), []).append(str(name))
        return {int(k): NoteType(str(v), tuple(fields.get(int(k), ()))) for k, v in names.items()}
    row = conn.execute("SELECT models FROM col").fetchone()
    models = json.loads(row[0]) if row and row[0] else {}
    return {
        int(k): NoteType(
            str(m.get("name", "")),
            tuple(f["name"] for f in sorted(m.get("flds", []), key=lambda f: f.get("ord", 0))),
        )
        for k, m in models.items()
    }


def _question(note_type: NoteType, values: list[str], tags: list[str]) -> Question | None:
    names = [n.lower() for n in note_type.fields] + [""] * len(values)
    fields = dict(zip(names, values, strict=False))
    cloze = next((v for v in values if _CLOZE.search(v)), None)
    if cloze is not None:
        front = _CLOZE.sub(lambda m: f"[{m.group(2) or '...'}]", cloze)
        back = _CLOZE.sub(lambda m: f"<b>{m.group(1)}</b>", cloze)
        extra = fields.get("back extra") or fields.get("extra") or ""
        back = f"<p>{back}</p><p>{extra}</p>" if extra.strip() else back
    else:
        front = _pick(fields, FRONT, values, 0)
        back = _pick(fields, BACK, values, 1)
    title = clean_title(_markdown(front).replace("\n", " "))
    if not title:
        return None
    meta = _tags(tags)
    slug = slugify(fields.get("id", "").rsplit("/", 1)[-1], length=120)
    return Question(
        id=slug,
        title=title,
        kind=meta.kind,
        topics=tuple(meta.topics),
        roles=tuple(meta.roles),
        level=meta.level,
        answer=_markdown(back),
        key_points=_key_points(fields.get("key points", "")),
        red_flags=tuple(_markdown(li) for li in _LI.findall(fields.get("red flags", ""))),
    )


def _pick(fields: dict[str, str], names: tuple[str, ...], values: list[str], index: int) -> str:
    for name in names:
        if name in fields:
            return fields[name]
    return values[index] if index < len(values) else ""


def _markdown(html: str) -> str:
    text = _SOUND.sub("", html)
    text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text, flags=re.S)
    text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
    return fragment_to_markdown(text).strip()


def _key_points(html: str) -> tuple[KeyPoint, ...]:
    """Key points of mlcoach's note type; a derived list (class="derived") is derived again."""
    if re.search(r"class=[\"']?derived", html):
        return ()
    points = []
    for item in _LI.findall(html):
        text = _markdown(item)
        essential = text.startswith("★")
        text = text.removeprefix("★").strip()
        if text:
            points.append(KeyPoint(text, essential=essential))
    return tuple(points)


@dataclass
class _TagMeta:
    kind: Kind = Kind.CONCEPT
    level: Level = Level.MID
    topics: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def _tags(tags: list[str]) -> _TagMeta:
    """mlcoach's own tags: topic::x, level::mid, role::mle, kind::fact."""
    meta = _TagMeta()
    for tag in tags:
        key, _, value = tag.partition("::")
        value = value.lower()
        if key == "topic" and slugify(value):
            meta.topics.append(slugify(value))
        elif key == "role" and value in {r.value for r in Role}:
            meta.roles.append(Role(value))
        elif key == "level" and value in {v.value for v in Level}:
            meta.level = Level(value)
        elif key == "kind" and value in {k.value for k in Kind} and value != "coding":
            meta.kind = Kind(value)
    return meta
