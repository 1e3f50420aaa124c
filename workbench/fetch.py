"""Fetching one URL the user asked for: the only place the workbench goes on the network.

Only http and https: the opener has no handler for ftp, file or data URLs, and follows at
most five redirects, each to an http(s) address. `timeout` caps the whole download (every
connection, redirect and read), not only each wait on the socket; every socket is closed
before `fetch_url` returns or raises.

`public_only=True` (the app when it is open to a network) refuses addresses inside a
network: every connection, the first and each redirect's, resolves the host itself and
refuses it if any address it resolves to is loopback, private, link-local, reserved,
multicast or otherwise not global, then connects to an address it checked (so a name
cannot resolve to another address between the check and the connection). Proxies from the
environment are not used then, since a proxy would connect on the workbench's behalf.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from dataclasses import dataclass
from email.message import Message
from functools import partial
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import InputError

USER_AGENT = f"workbench/{__version__} (news investigation workbench; fetches one page on request)"
MAX_REDIRECTS = 5
_WEB_SCHEMES = ("http", "https")
_CHUNK_BYTES = 65_536


@dataclass(frozen=True)
class Fetched:
    """A fetched body, before any decoding."""

    url: str  # after redirects
    data: bytes
    content_type: str  # "text/html", "application/pdf", ... ("" when the server gave none)
    charset: str | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch_url(
    url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000, public_only: bool = False
) -> Fetched:
    """GET one URL, refusing bodies over max_bytes. Every failure is a one-line InputError.

    With public_only, an address inside a network (this machine, a private network,
    link-local...) is refused, for the URL and for every redirect target.
    """
    download = _Download(timeout, public_only=public_only)
    watchdog = threading.Timer(timeout, download.expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        return _fetch(url, download, max_bytes=max_bytes)
    except urllib.error.HTTPError as exc:
        exc.close()  # the error holds the response and its socket
        if download.expired:
            raise download.timed_out(url) from None
        reason = f" {_clean(str(exc.reason))}" if exc.reason else ""
        raise InputError(f"{url}: the server answered {exc.code}{reason}") from None
    except _RedirectRefused as exc:
        raise InputError(
            f"{url}: the site redirects to {_clean(exc.target)}; only http and https addresses "
            "are followed"
        ) from None
    except _InternalAddress as exc:
        raise InputError(
            f"{url}: this app is open to the network, so it does not fetch addresses inside "
            f"it: {_clean(exc.address)}"
        ) from None
    except _TooManyRedirects:
        raise InputError(f"{url}: the site redirects more than {MAX_REDIRECTS} times") from None
    except urllib.error.URLError as exc:
        if download.expired or isinstance(exc.reason, TimeoutError):
            raise download.timed_out(url) from None
        raise InputError(f"{url}: cannot reach the site ({_reason(exc.reason)})") from None
    except http.client.HTTPException as exc:
        # BadStatusLine, IncompleteRead, LineTooLong, too many headers...; also what a
        # connection cut at the deadline looks like
        if download.expired:
            raise download.timed_out(url) from None
        reason = _reason(exc) if str(exc) else type(exc).__name__
        raise InputError(f"{url}: the server sent a broken answer ({reason})") from None
    except TimeoutError:
        raise download.timed_out(url) from None
    except (ValueError, OSError) as exc:
        # ValueError: a malformed URL; OSError: the connection broke while reading.
        if download.expired:
            raise download.timed_out(url) from None
        raise InputError(f"{url}: cannot fetch this URL ({_reason(exc)})") from None
    finally:
        watchdog.cancel()
        download.close()


def _fetch(url: str, download: _Download, *, max_bytes: int) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with download.opener().open(request, timeout=download.timeout) as response:
        if download.expired:  # the deadline cut the headers short
            raise download.timed_out(url)
        download.answered = True
        declared = _check_declared_size(url, response.headers, max_bytes)
        chunks: list[bytes] = []
        size = 0
        # One byte over the cap is enough to know the body is too big.
        while chunk := response.read(min(_CHUNK_BYTES, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise _too_big(url, max_bytes)
        if download.expired:  # the deadline cut the body short
            raise download.timed_out(url)
        if declared is not None and size < declared:
            raise InputError(
                f"{url}: the server sent a broken answer (the page ends after {size} of its "
                f"{declared} bytes)"
            )
        content_type = response.headers.get_content_type() if _has_type(response) else ""
        return Fetched(
            url=response.geturl(),
            data=b"".join(chunks),
            content_type=content_type,
            charset=response.headers.get_content_charset(),
        )


class _Download:
    """One download's deadline, and the sockets to cut and close when it passes."""

    def __init__(self, timeout: float, *, public_only: bool = False) -> None:
        self.timeout = timeout
        self.public_only = public_only
        self.deadline = time.monotonic() + timeout
        self.expired = False
        self.answered = False  # the final response's headers arrived
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def opener(self) -> urllib.request.OpenerDirector:
        opener = urllib.request.OpenerDirector()
        for handler in (
            # no proxy when only public addresses may be fetched: the check is on the
            # address the workbench itself connects to
            urllib.request.ProxyHandler({} if self.public_only else None),
            urllib.request.UnknownHandler(),
            _HTTPHandler(self),
            _HTTPSHandler(self),
            urllib.request.HTTPDefaultErrorHandler(),
            _Redirects(),
            urllib.request.HTTPErrorProcessor(),
        ):
            opener.add_handler(handler)
        return opener

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _cut(sock)

    def expire(self) -> None:
        """At the deadline (from the watchdog thread): cut every connection."""
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _cut(sock)

    def close(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with suppress(OSError):
                sock.close()

    def timed_out(self, url: str) -> InputError:
        if self.answered:
            return InputError(f"{url}: the download did not finish within {self.timeout:g} s")
        return InputError(f"{url}: the site did not answer within {self.timeout:g} s")


def _cut(sock: socket.socket) -> None:
    """Wake a read blocked on the socket: it returns at once, as if the server had hung up."""
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's, also under TLS


class _Connection(http.client.HTTPConnection):
    """A connection of one download: under its deadline, cut when it passes, and with
    public_only connecting only to public addresses."""

    def __init__(self, host: str, /, *, download: _Download, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self.download = download

    def connect(self) -> None:
        left = self.download.deadline - time.monotonic()
        if left <= 0 or self.download.expired:
            raise TimeoutError("the deadline passed")
        # connecting and each read; urllib passes the opener's timeout, never None here
        self.timeout = left if self.timeout is None else min(self.timeout, left)
        if self.download.public_only:
            self._create_connection = _connect_public
        super().connect()
        self.download.watch(self.sock)


class _TLSConnection(_Connection, http.client.HTTPSConnection):
    """The same over TLS: `_Connection.connect` wraps the TLS handshake."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, download: _Download) -> None:
        super().__init__()
        self._download = download

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_Connection, download=self._download), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, download: _Download) -> None:
        super().__init__()
        self._download = download

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = partial(_TLSConnection, download=self._download)
        # the context HTTPSHandler.__init__ made (urllib's own; the stub leaves it out)
        context = self._context  # type: ignore[attr-defined]
        return self.do_open(connection, req, context=context)


class _RedirectRefused(Exception):
    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _TooManyRedirects(Exception):
    pass


class _InternalAddress(Exception):
    """A host inside a network, when only public addresses may be fetched."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def is_public_address(address: str) -> bool:
    """Whether an IP address is a public one: not loopback, private, link-local, reserved,
    multicast, unspecified or otherwise kept out of the global internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("%eth0") aside
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def _connect_public(
    address: tuple[str, int],
    timeout: float | None,
    source_address: tuple[str, int] | None = None,
) -> socket.socket:
    """`socket.create_connection` as HTTPConnection.connect calls it, refusing a host with
    any address inside a network and connecting only to the addresses it checked."""
    host, port = address
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    # IPv4 and IPv6 addresses are strings (an IPv6 sockaddr also has flow and scope ids);
    # only addresses checked here are connected to
    ips = [sockaddr[0] for *_, sockaddr in infos if isinstance(sockaddr[0], str)]
    for ip in ips:
        if not is_public_address(ip):
            raise _InternalAddress(ip if ip == host else f"{host} ({ip})")
    error: OSError | None = None
    for ip in ips:
        try:
            return socket.create_connection((ip, port), timeout, source_address)
        except OSError as exc:
            error = exc
    raise error or OSError(f"{host}: no address")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_repeats = max_redirections = MAX_REDIRECTS + 1  # counted here, not by urllib

    def __init__(self) -> None:
        super().__init__()
        # a download makes one opener, so this handler sees one chain of redirects
        self.followed = 0

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location is not None:
            target = urljoin(req.full_url, location.strip())
            if urlsplit(target).scheme.lower() not in _WEB_SCHEMES:
                fp.close()
                raise _RedirectRefused(target)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if self.followed >= MAX_REDIRECTS:
            fp.close()
            raise _TooManyRedirects()
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            self.followed += 1
        return new


def _has_type(response) -> bool:
    return response.headers.get("Content-Type") is not None


def _check_declared_size(url: str, headers: Message, max_bytes: int) -> int | None:
    """The Content-Length, if the server gave one; over max_bytes, an InputError."""
    declared = headers.get("Content-Length")
    if not declared or not declared.strip().isdigit():
        return None
    if int(declared) > max_bytes:
        raise _too_big(url, max_bytes, size=int(declared))
    return int(declared)


def _too_big(url: str, max_bytes: int, *, size: int | None = None) -> InputError:
    what = f"{size / 1e6:.1f} MB" if size is not None else f"over {max_bytes / 1e6:g} MB"
    return InputError(f"{url}: the page is too big ({what}; the limit is {max_bytes / 1e6:g} MB)")


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _clean(text: str, *, limit: int = 200) -> str:
    """What a server sent, fit for a one-line message: no control characters, not too long."""
    text = " ".join(_CONTROLS.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return _clean(str(text)) or "unknown error"


__all__ = ["MAX_REDIRECTS", "Fetched", "fetch_url", "is_public_address", "is_url", "USER_AGENT"]
