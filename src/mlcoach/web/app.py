"""create_app(settings): the FastAPI application over one Services object."""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from mlcoach import __version__
from mlcoach.config import Settings
from mlcoach.errors import MlcoachError, NotFound
from mlcoach.web.deps import CsrfRejected, Forbidden, LoginRequired
from mlcoach.web.markup import pygments_css
from mlcoach.web.middleware import WebMiddleware
from mlcoach.web.state import WebState, utc_now
from mlcoach.web.templating import STATIC, is_htmx, render

if TYPE_CHECKING:
    from mlcoach.services import Services

log = logging.getLogger("mlcoach.web")


def create_app(
    settings: Settings,
    *,
    services: Services | None = None,
    clock: Callable[[], datetime] = utc_now,
    warm_up: bool = True,
) -> FastAPI:
    """The web app. `services` and `clock` are injectable for tests; `warm_up` loads the
    bank, the model and the search index in a background thread at startup."""
    from mlcoach.services import Services

    svc = services or Services(settings)
    state = WebState(settings, svc, clock)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            threading.Thread(target=_warm, args=(svc,), daemon=True, name="warm-up").start()
        yield
        if services is None:
            svc.close()

    app = FastAPI(
        title="mlcoach",
        version=__version__,
        description="Practise machine-learning interviews: the JSON API behind the web app.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI would load scripts from a CDN; the schema is enough
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.web = state
    app.state.features = _features()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/assets/pygments.css", _pygments, include_in_schema=False)
    app.add_api_route("/healthz", lambda: _health(svc), include_in_schema=False)
    for router in _routers(app.state.features):
        app.include_router(router)
    _error_handlers(app)
    app.add_middleware(WebMiddleware, state=state)
    return app


def _features() -> dict[str, bool]:
    """Which optional areas are installed in this tree (pages for the others are left out)."""
    from mlcoach.web.routes import optional_available

    return optional_available()


def _routers(features: dict[str, bool]) -> list[Any]:
    from mlcoach.web.routes import routers

    return routers(features)


def _pygments() -> Response:
    return PlainTextResponse(
        pygments_css(), media_type="text/css", headers={"Cache-Control": "max-age=86400"}
    )


def _health(svc: Services) -> dict[str, bool]:
    """Liveness, and whether the warm-up finished (for load balancers and benchmarks)."""
    loaded = svc.__dict__
    return {"ok": True, "bank": "bank" in loaded, "search": "search_index" in loaded}


def _warm(svc: Services) -> None:
    try:
        svc.bank  # noqa: B018 - the first page needs it
        svc.grader  # noqa: B018
        svc.search_index  # noqa: B018 - related items and search
    except Exception:  # a warm-up failure shows again, clearly, on the first real request
        log.exception("warm-up failed")


def _status(exc: MlcoachError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, LoginRequired):
        return 401
    if isinstance(exc, CsrfRejected | Forbidden):
        return 403
    return 400


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(MlcoachError)
    async def mlcoach_error(request: Request, exc: MlcoachError) -> Response:
        status = _status(exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=status)
        if isinstance(exc, LoginRequired) and request.method == "GET" and not is_htmx(request):
            target = quote(
                request.url.path + (f"?{request.url.query}" if request.url.query else "")
            )
            return RedirectResponse(f"/login?next={target}", status_code=303)
        return _error_page(request, status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        message = "There is no page here." if exc.status_code == 404 else str(exc.detail)
        return _error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
            for e in exc.errors()
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": problems, "detail": exc.errors()}, status_code=422)
        return _error_page(request, 422, problems)


def _error_page(request: Request, status: int, message: str) -> Response:
    if is_htmx(request):
        return render(
            request,
            "_partials/flash.html",
            {"message": message, "level": "error"},
            status=status,
            headers={"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"},
        )
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False
