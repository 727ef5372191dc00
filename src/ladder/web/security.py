"""Who may talk to the server: the access token, the Host header, and CSRF tokens.

``ladder serve`` runs the grader and labs, i.e. code, on the learner's machine, so the
rules are those of Jupyter:

1. **Host header.** Only ``localhost``, ``127.0.0.1`` and ``[::1]`` (with any port) are
   served; anything else is answered 400. This defeats DNS rebinding, where a hostile
   page makes its own domain resolve to 127.0.0.1 and then calls us "same-origin".
2. **Access token.** A random token is printed in the URL. A request carrying
   ``?token=…`` that matches gets a session cookie (``HttpOnly``, ``SameSite=Strict``) and
   a redirect to the same address without the token, so it never stays in the history.
   Any other request without a valid session cookie is answered 401.
3. **CSRF.** Every POST must carry the session's CSRF token, in the form field
   ``csrf_token`` or the header ``X-CSRF-Token``, else 403 (:func:`require_csrf`).

Session ids are random and signed with HMAC-SHA256 under a per-process secret
(``hmac.new(secret, sid, sha256)``), so the server keeps no session table; the CSRF
token is a second HMAC of the session id. Both are compared with
:func:`hmac.compare_digest`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "Guard",
    "Keys",
    "LOOPBACK_NAMES",
    "host_allowed",
    "require_csrf",
    "csrf_token_of",
    "CSRF_FIELD",
    "CSRF_HEADER",
]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
        b"base-uri 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]

UNAUTHORISED_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<title>Ladder — open the printed address</title>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto;
  line-height: 1.5">
<h1>Ladder needs its access token</h1>
<p>This page is served by <code>ladder serve</code> on your own computer. Open the full
address it printed in the terminal (it ends in <code>?token=…</code>); the browser then
remembers it until the server stops.</p></body></html>"""


class Keys:
    """The per-process secrets: the access token and the key that signs sessions."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or secrets.token_urlsafe(24)
        self._key = secrets.token_bytes(32)

    def _mac(self, purpose: str, sid: str) -> str:
        return hmac.new(self._key, f"{purpose}:{sid}".encode(), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        sid = secrets.token_urlsafe(18)
        return f"{sid}.{self._mac('session', sid)}"

    def session_of(self, cookie_value: str | None) -> str | None:
        """The session id of a signed cookie value, or None if it is not one of ours."""
        if not cookie_value or "." not in cookie_value:
            return None
        sid, _, mac = cookie_value.partition(".")
        return sid if hmac.compare_digest(mac, self._mac("session", sid)) else None

    def csrf(self, sid: str) -> str:
        return self._mac("csrf", sid)

    def token_ok(self, candidate: str) -> bool:
        return hmac.compare_digest(candidate.encode(), self.token.encode())


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether a Host header names one of ``allowed`` (any port, or none).

    ``host_allowed("127.0.0.1:8765", LOOPBACK_NAMES)`` → True;
    ``host_allowed("evil.example:8765", LOOPBACK_NAMES)`` → False.
    """
    host = host.strip().lower()
    if host.startswith("["):  # IPv6 literal: "[::1]:8765"
        name, _, rest = host.partition("]")
        name += "]"
        port = rest.removeprefix(":") if rest else ""
        if rest and not rest.startswith(":"):
            return False
    else:
        name, _, port = host.partition(":")
    if port and not port.isdigit():
        return False
    return name in allowed


def _cookie_name(host: str) -> str:
    """One cookie per port: two servers on one machine do not log each other out."""
    port = host.rpartition(":")[2] if not host.endswith("]") else ""
    return f"ladder_session_{port}" if port.isdigit() else "ladder_session"


class Guard:
    """Pure ASGI middleware enforcing the Host rule and the token, and adding security
    headers to every response. The session id is put in ``scope["state"]["session"]``."""

    def __init__(
        self,
        app: ASGIApp,
        keys: Keys,
        allowed_hosts: Iterable[str] | None = None,
        check_host: bool = True,
    ) -> None:
        self.app = app
        self.keys = keys
        self.allowed = tuple(h.lower() for h in (allowed_hosts or LOOPBACK_NAMES))
        self.check_host = check_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        if self.check_host and not host_allowed(host, self.allowed):
            response: Any = PlainTextResponse(
                f"Refused: this server answers only to localhost, not to the host {host!r}.",
                status_code=400,
            )
            await response(scope, receive, send_with_headers)
            return

        name = _cookie_name(host)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        token = next((v for k, v in query if k == "token"), None)
        if token is not None:
            if not self.keys.token_ok(token):
                await HTMLResponse(UNAUTHORISED_PAGE, 401)(scope, receive, send_with_headers)
                return
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            target = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(
                name, self.keys.new_session(), httponly=True, samesite="strict", path="/"
            )
            await response(scope, receive, send_with_headers)
            return

        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:  # noqa: BLE001 - a malformed cookie header is just "no session"
            pass
        morsel = jar.get(name)
        sid = self.keys.session_of(morsel.value if morsel else None)
        if sid is None:
            await HTMLResponse(UNAUTHORISED_PAGE, 401)(scope, receive, send_with_headers)
            return
        scope.setdefault("state", {})["session"] = sid
        await self.app(scope, receive, send_with_headers)


def csrf_token_of(request: Request) -> str:
    """The CSRF token of this request's session (templates put it in every form)."""
    return request.app.state.ladder.keys.csrf(request.state.session)


async def require_csrf(request: Request) -> None:
    """FastAPI dependency on every POST route: 403 unless the session's CSRF token is in
    the ``X-CSRF-Token`` header or the ``csrf_token`` form field."""
    from fastapi import HTTPException

    expected = csrf_token_of(request)
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not given or not hmac.compare_digest(given, expected):
        raise HTTPException(
            403, "This form is missing its security token (CSRF); reload the page and try again."
        )
