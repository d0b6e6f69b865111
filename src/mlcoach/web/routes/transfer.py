"""Import a file of questions and export a deck, as the signed-in user.

`mlcoach.transfer` works for `Services.local_user()`; `UserServices` hands it a view of the
services whose local user is the signed-in one, so imports and exports stay per user.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from mlcoach.domain import User
from mlcoach.errors import MlcoachError
from mlcoach.web.deps import CurrentUser, State, csrf_protect
from mlcoach.web.templating import render

if TYPE_CHECKING:
    from mlcoach.services import Services

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

MAX_UPLOAD = 50 * 1024 * 1024
FORMATS = ("auto", "md", "html", "csv", "apkg")
EXPORTS = {
    "anki": ("apkg", "application/octet-stream"),
    "json": ("json", "application/json"),
    "md": ("zip", "application/zip"),
}


class UserServices:
    """The Services as one user sees them: `local_user()` is that user."""

    def __init__(self, svc: Services, user: User) -> None:
        self._svc = svc
        self._user = user

    def local_user(self) -> User:
        return self._user

    def __getattr__(self, name: str) -> Any:
        return getattr(self._svc, name)


def as_user(svc: Services, user: User) -> Services:
    return cast("Services", UserServices(svc, user))


def _decks(state: State, user: User) -> list[tuple[str, int]]:
    store = state.services.store
    return [
        (d.name, len(store.imported.list(user.id, deck=d.name))) for d in store.decks.list(user.id)
    ]


@router.get("/transfer", response_class=HTMLResponse)
def transfer_page(request: Request, state: State, user: CurrentUser) -> Response:
    context = {"decks": _decks(state, user), "formats": FORMATS, "report": None}
    return render(request, "transfer.html", context)


@router.post("/transfer/import", response_class=HTMLResponse)
async def import_upload(
    request: Request,
    state: State,
    user: CurrentUser,
    upload: Annotated[UploadFile, File()],
    fmt: Annotated[str, Form()] = "auto",
    deck: Annotated[str, Form(max_length=120)] = "",
    dry_run: Annotated[str, Form()] = "",
) -> Response:
    from starlette.concurrency import run_in_threadpool

    name = _safe_name(upload.filename or "upload")
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise MlcoachError("that file is larger than 50 MB")
    if fmt not in FORMATS:
        raise MlcoachError(f"unknown format {fmt!r}")
    report = await run_in_threadpool(_import, state, user, name, data, fmt, deck, bool(dry_run))
    context = {"decks": _decks(state, user), "formats": FORMATS, "report": report}
    return render(request, "transfer.html", context)


def _safe_name(filename: str) -> str:
    base = Path(filename.replace("\\", "/")).name
    cleaned = re.sub(r"[^A-Za-z0-9._ -]", "_", base).strip(" .")
    return cleaned[:120] or "upload"


def _import(
    state: State, user: User, name: str, data: bytes, fmt: str, deck: str, dry_run: bool
) -> dict[str, Any]:
    from mlcoach.bank.importers import Format
    from mlcoach.transfer import import_path

    folder = Path(tempfile.mkdtemp(prefix="mlcoach-upload-"))
    try:
        path = folder / name
        path.write_bytes(data)
        report = import_path(
            as_user(state.services, user),
            path,
            fmt=Format(fmt),
            deck=deck.strip() or None,
            dry_run=dry_run,
        )
        return report.to_dict()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@router.post("/transfer/export")
def export_download(
    request: Request,
    state: State,
    user: CurrentUser,
    target: Annotated[str, Form()] = "json",
    deck: Annotated[str, Form()] = "",
) -> Response:
    from mlcoach.transfer import export

    if target not in EXPORTS:
        raise MlcoachError(f"unknown export format {target!r}: anki, md or json")
    suffix, media = EXPORTS[target]
    stem = deck or "mlcoach-bank"
    with tempfile.TemporaryDirectory(prefix="mlcoach-export-") as tmp:
        out = Path(tmp) / (stem if target == "md" else f"{stem}.{suffix}")
        export(as_user(state.services, user), target, out, deck=deck or None)
        body = _zip(out) if target == "md" else out.read_bytes()
    filename = _safe_name(f"{stem}.{suffix}")
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=media, headers=headers)


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder.parent))
    return buffer.getvalue()
