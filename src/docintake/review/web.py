"""The clerks' review UI under /review: server-rendered Jinja2 pages, one small script, no build chain.

Sign-in with local users (argon2 hashes, lock-out), a session cookie that is HttpOnly, SameSite=Strict and
Secure, a CSRF token in every form, an idle timeout. Clerks work the queue; admins also manage users and API
tokens and read the audit log. Every page view and every change is audited. Pages carry no values in their URLs,
and every answer that shows a document is marked not to be cached.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from docintake.intake.tokens import SCOPES, InvalidToken, issue_token
from docintake.review.locate import FlowLayout, locate
from docintake.review.pages import FLOW_FORMATS, PageNotFound, PageRenderer
from docintake.review.values import FIELDS, LABELS, LIST_FIELDS, InvalidValue, display
from docintake.settings import Settings
from docintake.storage.api import SqlApiRecords
from docintake.storage.review import REJECT_REASONS, DocumentView, ReviewError, SqlReview, corrected_documents
from docintake.storage.users import ROLES, BrowserSession, InvalidUser, Policy, SqlUsers

log = logging.getLogger(__name__)

_HERE = Path(__file__).parent
PREFIX = "/review"
_PRE_COOKIE = "docintake_signin"
# Messages shown after a redirect, by code: fixed texts, so a URL never carries what a document holds.
NOTICES = {
    "signed_out": "You are signed out.",
    "expired": "Your session ended. Sign in again.",
    "saved": "Saved.",
    "attached": "Attached to the case.",
    "draft": "A new draft case was opened and the document attached to it.",
    "reviewed": "Done: the document left the queue.",
    "rejected": "The document was rejected and left the queue.",
    "retried": "The document will be read again.",
    "split_confirmed": "The split is confirmed.",
    "split_undone": "The parts are one document again.",
    "dismissed": "The upload's Reference ID is set aside; the document stays where it is.",
    "user_added": "User added.",
    "user_changed": "User changed.",
    "token_revoked": "Token revoked.",
}
REASON_KINDS = ("missing", "low_confidence", "ambiguous", "unidentified", "identity_conflict", "invalid",
                "unknown", "split_unconfirmed", "quarantined")


@dataclass
class ReviewBackend:
    """What the UI needs: its records, the users, the page renderer, the hook's token records."""

    review: SqlReview
    users: SqlUsers
    pages: PageRenderer
    api: SqlApiRecords
    settings: Settings
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @classmethod
    def of(cls, settings: Settings, records: Any, blobs: Any, api: SqlApiRecords) -> ReviewBackend:
        policy = Policy(max_failures=settings.review_lockout_attempts,
                        lockout=timedelta(minutes=settings.review_lockout_minutes),
                        idle=timedelta(minutes=settings.review_idle_minutes),
                        absolute=timedelta(hours=settings.review_session_hours),
                        client_failures=settings.review_client_failures)
        return cls(review=SqlReview(records, threshold=settings.auto_accept,
                                    draft_ttl=timedelta(hours=settings.draft_ttl_hours)),
                   users=SqlUsers(records.engine, policy), pages=PageRenderer(blobs, settings), api=api,
                   settings=settings)


class _SignInRequired(Exception):
    def __init__(self, expired: bool = False) -> None:
        self.expired = expired


class _Forbidden(Exception):
    def __init__(self, message: str = "This page is for administrators.") -> None:
        self.message = message


_STALE_FORM = ("This form did not come from this page, or it has expired. Reload the page and try again.")


def install(app: FastAPI, backend: ReviewBackend) -> None:
    """Add the review UI to the hook's app (one server, one port)."""
    templates = Jinja2Templates(directory=str(_HERE / "templates"))
    templates.env.globals.update(prefix=PREFIX, labels=LABELS, display=display, list_fields=LIST_FIELDS,
                                 fields=FIELDS, reject_reasons=REJECT_REASONS, reason_kinds=REASON_KINDS,
                                 threshold=backend.settings.auto_accept)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(_HERE / "static")), name="review-static")
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    secure = backend.settings.review_cookie_secure
    cookie = "__Host-docintake" if secure else "docintake_session"

    @app.exception_handler(_SignInRequired)
    async def _to_sign_in(request: Request, error: _SignInRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": {"code": "signed_out", "message": NOTICES["expired"]}}, status_code=401)
        response = RedirectResponse(f"{PREFIX}/login" + ("?notice=expired" if error.expired else ""), 303)
        response.delete_cookie(cookie, path="/")
        return response

    @app.exception_handler(_Forbidden)
    async def _forbidden(request: Request, error: _Forbidden) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": {"code": "forbidden", "message": error.message}}, status_code=403)
        return _headers(templates.TemplateResponse(request, "error.html", {
            "me": None, "title": "Not allowed", "message": error.message}, status_code=403))

    def now() -> datetime:
        return backend.clock()

    async def who(request: Request, *, admin: bool = False) -> BrowserSession:
        found = await run_in_threadpool(backend.users.resume, request.cookies.get(cookie), now())
        if found is None:
            raise _SignInRequired(expired=cookie in request.cookies)
        if admin and not found.account.is_admin:
            await run_in_threadpool(backend.review.audit_view, found.account.username, "access.denied", "page",
                                    request.url.path[:64])
            raise _Forbidden
        return found

    async def form_of(request: Request, session: BrowserSession) -> dict[str, str]:
        """The posted form, after the CSRF token and (when sent) the Origin are checked."""
        origin = request.headers.get("origin")
        if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
            raise _Forbidden(_STALE_FORM)
        form = await request.form()
        values = {k: v for k, v in form.items() if isinstance(v, str)}
        if not hmac.compare_digest(values.get("csrf", ""), session.csrf_token):
            raise _Forbidden(_STALE_FORM)
        return values

    def page(request: Request, name: str, session: BrowserSession | None, status: int = 200,
             **context: Any) -> Response:
        notice = NOTICES.get(request.query_params.get("notice", ""))
        return _headers(templates.TemplateResponse(request, name, {
            "me": session.account if session else None, "csrf": session.csrf_token if session else "",
            "notice": notice, **context}, status_code=status))

    # -- sign-in -------------------------------------------------------------------------------------------------

    @router.get("/login")
    async def login_page(request: Request) -> Response:
        token = secrets.token_urlsafe(24)
        response = page(request, "login.html", None, pre=token, error=None)
        response.set_cookie(_PRE_COOKIE, token, httponly=True, secure=secure, samesite="strict", path=PREFIX)
        return response

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        username, password = str(form.get("username", "")), str(form.get("password", ""))
        pre = request.cookies.get(_PRE_COOKIE, "")
        if not pre or not hmac.compare_digest(str(form.get("pre", "")), pre):
            raise _Forbidden(_STALE_FORM)
        client = request.client.host if request.client else None
        result = await run_in_threadpool(backend.users.sign_in, username, password, now(), client)
        if result.account is None:
            token = secrets.token_urlsafe(24)
            message = ("Sign-in failed. After three failed attempts in a row an account is locked for "
                       f"{backend.settings.review_lockout_minutes:.0f} minutes; an administrator can unlock it.")
            if result.throttled:
                message = ("Too many failed sign-ins from this computer. Wait "
                           f"{backend.settings.review_lockout_minutes:.0f} minutes or ask an administrator.")
            response = page(request, "login.html", None, status=429 if result.throttled else 401, pre=token,
                            error=message, username=username[:64])
            response.set_cookie(_PRE_COOKIE, token, httponly=True, secure=secure, samesite="strict", path=PREFIX)
            return response
        session_id, _csrf = await run_in_threadpool(backend.users.open_session, result.account, now())
        response = RedirectResponse(f"{PREFIX}/queue", 303)
        response.set_cookie(cookie, session_id, httponly=True, secure=secure, samesite="strict", path="/")
        response.delete_cookie(_PRE_COOKIE, path=PREFIX)
        return response

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        session = await who(request)
        await form_of(request, session)
        await run_in_threadpool(backend.users.end_session, request.cookies.get(cookie, ""), now())
        response = RedirectResponse(f"{PREFIX}/login?notice=signed_out", 303)
        response.delete_cookie(cookie, path="/")
        return response

    # -- the queue -------------------------------------------------------------------------------------------

    @router.get("")
    @router.get("/")
    async def home() -> Response:
        return RedirectResponse(f"{PREFIX}/queue", 303)

    @router.get("/queue")
    async def queue(request: Request) -> Response:
        session = await who(request)
        params = request.query_params
        reason = params.get("reason") if params.get("reason") in REASON_KINDS else None
        source = params.get("source") if params.get("source") in ("fax", "upload", "cli") else None
        urgent = params.get("urgent") == "1"
        items = await run_in_threadpool(lambda: backend.review.queue(reason=reason, source=source,
                                                                     urgent_only=urgent))
        total = await run_in_threadpool(backend.review.queue_size)
        await run_in_threadpool(backend.review.audit_view, session.account.username, "queue.viewed", "queue",
                                "review", {"shown": len(items), "reason": reason, "source": source})
        return page(request, "queue.html", session, items=items, total=total, reason=reason, source=source,
                    urgent=urgent)

    @router.get("/next")
    async def next_document(request: Request) -> Response:
        await who(request)
        items = await run_in_threadpool(lambda: backend.review.queue(limit=1))
        if not items:
            return RedirectResponse(f"{PREFIX}/queue", 303)
        return RedirectResponse(f"{PREFIX}/documents/{items[0].document_id}", 303)

    # -- a document ------------------------------------------------------------------------------------------

    @router.get("/documents/{document_id}")
    async def document(request: Request, document_id: str) -> Response:
        session = await who(request)
        view = await run_in_threadpool(backend.review.document, document_id[:32])
        if view is None:
            return page(request, "error.html", session, status=404, title="Not found",
                        message="There is no such document.")
        others = await run_in_threadpool(backend.review.others_viewing, view.id, session.account.username, now())
        await run_in_threadpool(backend.review.audit_view, session.account.username, "document.viewed",
                                "document", view.id, {"state": view.state}, now())
        error = _error_of(request)
        located = await run_in_threadpool(_flow_boxes, backend, view) if view.format in FLOW_FORMATS else {}
        return page(request, "document.html", session, doc=view, error=error, others=others, located=located)

    @router.get("/documents/{document_id}/pages/{number}")
    async def page_image(request: Request, document_id: str, number: int) -> Response:
        session = await who(request)
        source = await run_in_threadpool(backend.review.page_source, document_id[:32])
        if source is None or source["blob_key"] is None:
            return Response(status_code=404)
        try:
            data, media = await run_in_threadpool(backend.pages.image, source["blob_key"], source["sha256"],
                                                  source["format"], source["mime"], number, source["rotations"])
        except PageNotFound:
            return Response(status_code=404)
        except Exception as error:  # a file our readers took but cannot draw: the clerk is told, nothing leaks
            log.warning("page %d of document %s not rendered (%s)", number, document_id, type(error).__name__)
            return Response(status_code=500)
        await run_in_threadpool(backend.review.audit_view, session.account.username, "page.viewed", "document",
                                document_id, {"page": number})
        return Response(data, media_type=media, headers={"Cache-Control": "private, no-store",
                                                                "X-Content-Type-Options": "nosniff"})

    async def act(request: Request, document_id: str, action: Callable[[BrowserSession, dict[str, str]], Any],
                  notice: str) -> Response:
        """Run a change; JSON for the page's script, else a redirect back with a notice or the error."""
        session = await who(request)
        form = await form_of(request, session)
        back = f"{PREFIX}/documents/{document_id}"
        try:
            result = await run_in_threadpool(action, session, form)
        except (ReviewError, InvalidValue) as error:
            code = getattr(error, "code", "invalid_value")
            details = list(getattr(error, "details", ()))
            message = getattr(error, "message", str(error))
            if _wants_json(request):
                return JSONResponse({"error": {"code": code, "message": message, "details": details}},
                                    status_code=409 if code == "stale" else 422)
            query = {"error": code, "message": message[:300], "details": ",".join(details)[:300]}
            return RedirectResponse(f"{back}?{urlencode(query)}", 303)
        view = await run_in_threadpool(backend.review.document, document_id)
        closed = view is not None and not view.in_queue and not view.pending_uploads
        if _wants_json(request):
            return JSONResponse({"version": view.version if view else None, "closed": closed,
                                 "result": result if isinstance(result, str | dict) else None})
        if closed:
            return RedirectResponse(f"{PREFIX}/queue?notice={'rejected' if notice == 'rejected' else 'reviewed'}",
                                    303)
        return RedirectResponse(f"{back}?notice={notice}", 303)

    def actor(session: BrowserSession) -> tuple[str, str]:
        return session.account.id, session.account.username

    @router.post("/documents/{document_id}/fields")
    async def set_field(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            item = int(form["item"]) if form.get("item", "").isdigit() else None
            raw = None if form.get("op") == "remove" else form.get("value", "")
            return backend.review.set_field(document_id, form.get("version", ""), form.get("segment", ""),
                                            form.get("field", ""), item, raw, actor(session), now())
        return await act(request, document_id, run, "saved")

    @router.post("/documents/{document_id}/attach")
    async def attach(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            return backend.review.attach(document_id, form.get("version", ""), form.get("segment", ""),
                                         form.get("reference_id", ""), actor(session), now(),
                                         identity_checked=form.get("identity_checked") == "1")
        return await act(request, document_id, run, "attached")

    @router.post("/documents/{document_id}/draft")
    async def draft(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> dict[str, str]:
            reference, version = backend.review.create_draft(document_id, form.get("version", ""),
                                                             form.get("segment", ""), actor(session), now())
            return {"reference_id": reference, "version": version}
        return await act(request, document_id, run, "draft")

    @router.post("/documents/{document_id}/reject")
    async def reject(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> None:
            backend.review.reject(document_id, form.get("version", ""), form.get("reason", ""),
                                  form.get("note", ""), actor(session), now())
        return await act(request, document_id, run, "rejected")

    @router.post("/documents/{document_id}/retry")
    async def retry(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> None:
            backend.review.retry(document_id, form.get("version", ""), actor(session), now())
        return await act(request, document_id, run, "retried")

    @router.post("/documents/{document_id}/uploads/{submission_id}/link")
    async def link_upload(request: Request, document_id: str, submission_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            return backend.review.link_upload(document_id, form.get("version", ""), submission_id,
                                              form.get("reference_id", ""), actor(session), now(),
                                              identity_checked=form.get("identity_checked") == "1")
        return await act(request, document_id, run, "attached")

    @router.post("/documents/{document_id}/uploads/{submission_id}/dismiss")
    async def dismiss_upload(request: Request, document_id: str, submission_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            return backend.review.dismiss_upload(document_id, form.get("version", ""), submission_id,
                                                 actor(session), now())
        return await act(request, document_id, run, "dismissed")

    @router.post("/documents/{document_id}/split/confirm")
    async def confirm_split(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            return backend.review.confirm_split(document_id, form.get("version", ""), actor(session), now())
        return await act(request, document_id, run, "split_confirmed")

    @router.post("/documents/{document_id}/split/undo")
    async def undo_split(request: Request, document_id: str) -> Response:
        def run(session: BrowserSession, form: dict[str, str]) -> str:
            return backend.review.undo_split(document_id, form.get("version", ""), actor(session), now())
        return await act(request, document_id, run, "split_undone")

    @router.post("/cases")
    async def cases(request: Request) -> Response:
        # A POST, so that a member ID typed into the search never stands in a URL (proxy and access logs).
        session = await who(request)
        form = await form_of(request, session)
        query = form.get("q", "")[:40]
        dob = _date(form.get("dob", ""))
        found = await run_in_threadpool(backend.review.search_cases, query, dob)
        await run_in_threadpool(backend.review.audit_view, session.account.username, "case.searched", "case",
                                "search", {"found": len(found)})
        return _headers(JSONResponse([{
            "reference_id": c.reference_id, "status": c.status, "policy_id": c.policy_id,
            "dob": c.dob.isoformat() if c.dob else None,
            "name": ", ".join(p for p in (c.last_name, c.first_name) if p), "plan": c.plan,
        } for c in found]))

    # -- admin -------------------------------------------------------------------------------------------------

    @router.get("/admin/users")
    async def users_page(request: Request) -> Response:
        session = await who(request, admin=True)
        accounts = await run_in_threadpool(backend.users.list)
        await run_in_threadpool(backend.review.audit_view, session.account.username, "users.viewed", "user", "*")
        return page(request, "users.html", session, accounts=accounts, roles=ROLES, now=now(),
                    error=request.query_params.get("message"))

    @router.post("/admin/users")
    async def add_user(request: Request) -> Response:
        session = await who(request, admin=True)
        form = await form_of(request, session)
        try:
            await run_in_threadpool(backend.users.add, form.get("username", ""), form.get("password", ""),
                                    form.get("role", "clerk"), now(), session.account.username)
        except InvalidUser as error:
            return RedirectResponse(f"{PREFIX}/admin/users?{urlencode({'message': str(error)})}", 303)
        return RedirectResponse(f"{PREFIX}/admin/users?notice=user_added", 303)

    @router.post("/admin/users/{username}")
    async def change_user(request: Request, username: str) -> Response:
        session = await who(request, admin=True)
        form = await form_of(request, session)
        op, by = form.get("op"), session.account.username
        try:
            if op == "unlock":
                await run_in_threadpool(backend.users.unlock, username, now(), by)
            elif op in ("disable", "enable"):
                if username == session.account.username:
                    raise InvalidUser("you cannot disable yourself")
                await run_in_threadpool(backend.users.set_disabled, username, op == "disable", now(), by)
            elif op == "role":
                await run_in_threadpool(backend.users.set_role, username, form.get("role", ""), now(), by)
            elif op == "password":
                await run_in_threadpool(backend.users.set_password, username, form.get("password", ""), now(), by)
        except InvalidUser as error:
            return RedirectResponse(f"{PREFIX}/admin/users?{urlencode({'message': str(error)})}", 303)
        return RedirectResponse(f"{PREFIX}/admin/users?notice=user_changed", 303)

    @router.get("/admin/tokens")
    async def tokens_page(request: Request) -> Response:
        session = await who(request, admin=True)
        tokens = await run_in_threadpool(backend.api.list_tokens)
        await run_in_threadpool(backend.review.audit_view, session.account.username, "tokens.viewed", "api_token",
                                "*")
        return page(request, "tokens.html", session, tokens=tokens, scopes=SCOPES, new_token=None,
                    error=request.query_params.get("message"))

    @router.post("/admin/tokens")
    async def add_token(request: Request) -> Response:
        session = await who(request, admin=True)
        form = await request.form()
        if not hmac.compare_digest(str(form.get("csrf", "")), session.csrf_token):
            raise _Forbidden(_STALE_FORM)
        scopes = tuple(str(s) for s in form.getlist("scopes")) or SCOPES
        try:
            token, plain = await run_in_threadpool(issue_token, _AuditedTokens(backend.api, session.account.username),
                                                   str(form.get("name", "")), scopes, now())
        except (InvalidToken, ValueError) as error:
            return RedirectResponse(f"{PREFIX}/admin/tokens?{urlencode({'message': str(error)})}", 303)
        tokens = await run_in_threadpool(backend.api.list_tokens)
        # The token is shown once, in this answer only (not in a URL, not cached).
        return page(request, "tokens.html", session, tokens=tokens, scopes=SCOPES,
                    new_token={"name": token.name, "token": plain}, error=None)

    @router.post("/admin/tokens/{name}/revoke")
    async def revoke_token(request: Request, name: str) -> Response:
        session = await who(request, admin=True)
        await form_of(request, session)
        await run_in_threadpool(backend.api.revoke_token, name, now(), session.account.username)
        return RedirectResponse(f"{PREFIX}/admin/tokens?notice=token_revoked", 303)

    @router.get("/admin/audit")
    async def audit_page(request: Request) -> Response:
        session = await who(request, admin=True)
        params = request.query_params
        before = int(params["before"]) if params.get("before", "").isdigit() else None
        rows = await run_in_threadpool(lambda: backend.review.audit_log(
            action=params.get("action") or None, actor=params.get("actor") or None,
            subject_id=params.get("subject") or None, before_id=before))
        await run_in_threadpool(backend.review.audit_view, session.account.username, "audit.viewed", "audit", "*",
                                {"rows": len(rows)})
        return page(request, "audit.html", session, rows=rows, params=params, dumps=_compact)

    @router.get("/admin/corrections.jsonl")
    async def corrections(request: Request) -> Response:
        session = await who(request, admin=True)
        lines = await run_in_threadpool(lambda: [json.dumps(d, sort_keys=True, default=str)
                                                 for d in corrected_documents(backend.review.records)])
        await run_in_threadpool(backend.review.audit_view, session.account.username, "corrections.exported",
                                "correction", "*", {"documents": len(lines)})
        return Response("\n".join(lines) + ("\n" if lines else ""), media_type="application/x-ndjson",
                        headers={"Cache-Control": "no-store",
                                 "Content-Disposition": 'attachment; filename="corrections.jsonl"'})

    app.include_router(router)


def _flow_boxes(backend: ReviewBackend, view: DocumentView) -> dict[tuple[str, str, int | None], list[float]]:
    """Boxes for the values of a flow-format document, found again in its page texts (review/locate.py)."""
    source = backend.review.page_source(view.id)
    if source is None or source["blob_key"] is None:
        return {}
    try:
        texts = backend.pages.flow_texts(source["blob_key"], source["sha256"], source["mime"] or "")
    except Exception as error:  # no highlight is better than no page
        log.warning("document %s: page texts not read (%s)", view.id, type(error).__name__)
        return {}
    layouts = {number: FlowLayout(text) for number, text in enumerate(texts, start=1)}
    boxes: dict[tuple[str, str, int | None], list[float]] = {}
    for segment in view.segments:
        for name in FIELDS:
            found = segment.fields.get(name)
            items = list(enumerate(found)) if name in LIST_FIELDS and isinstance(found, list) else [(None, found)]
            for item, value in items:
                if not isinstance(value, dict) or value.get("bbox") or value.get("page") not in layouts:
                    continue
                box = locate(layouts[value["page"]], name, value.get("value"))
                if box is not None:
                    boxes[(segment.id, name, item)] = box
    return boxes


class _AuditedTokens:
    """The token store with the admin's name in the audit rows instead of 'cli'."""

    def __init__(self, api: SqlApiRecords, actor: str) -> None:
        self.api, self.actor = api, actor

    def add_token(self, name: str, scopes: tuple[str, ...], hashed: str, now: datetime) -> Any:
        return self.api.add_token(name, scopes, hashed, now, self.actor)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _error_of(request: Request) -> dict[str, Any] | None:
    code = request.query_params.get("error")
    if not code:
        return None
    details = [d for d in request.query_params.get("details", "").split(",") if d]
    return {"code": code[:40], "message": request.query_params.get("message", "")[:300], "details": details}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _compact(value: object) -> str:
    return "" if value is None else json.dumps(value, sort_keys=True, default=str)[:400]


def _headers(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    # same-origin: nothing leaves for other sites, and form posts keep their Origin (no-referrer makes it "null").
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'")
    return response
