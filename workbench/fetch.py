"""Fetching one URL the user asked for: the only place the workbench goes on the network."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from . import __version__
from .errors import InputError

USER_AGENT = f"workbench/{__version__} (news investigation workbench; fetches one page on request)"


@dataclass(frozen=True)
class Fetched:
    """A fetched body, before any decoding."""

    url: str  # after redirects
    data: bytes
    content_type: str  # "text/html", "application/pdf", ... ("" when the server gave none)
    charset: str | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch_url(url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000) -> Fetched:
    """GET one URL, refusing bodies over max_bytes. Every failure is a one-line InputError."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            _check_declared_size(url, response.headers, max_bytes)
            # One byte over the cap is enough to know the body is too big.
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_big(url, max_bytes)
            content_type = response.headers.get_content_type() if _has_type(response) else ""
            return Fetched(
                url=response.geturl(),
                data=data,
                content_type=content_type,
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        reason = f" {exc.reason}" if exc.reason else ""
        raise InputError(f"{url}: the server answered {exc.code}{reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timed_out(url, timeout) from None
        raise InputError(f"{url}: cannot reach the site ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (ValueError, OSError) as exc:
        # ValueError: a malformed URL; OSError: the connection broke while reading.
        raise InputError(f"{url}: cannot fetch this URL ({_reason(exc)})") from None


def _has_type(response) -> bool:
    return response.headers.get("Content-Type") is not None


def _check_declared_size(url: str, headers: Message, max_bytes: int) -> None:
    declared = headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise _too_big(url, max_bytes, size=int(declared))


def _too_big(url: str, max_bytes: int, *, size: int | None = None) -> InputError:
    what = f"{size / 1e6:.1f} MB" if size is not None else f"over {max_bytes / 1e6:g} MB"
    return InputError(f"{url}: the page is too big ({what}; the limit is {max_bytes / 1e6:g} MB)")


def _timed_out(url: str, timeout: float) -> InputError:
    return InputError(f"{url}: the site did not answer within {timeout:g} s")


def _reason(reason: object) -> str:
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split()) or "unknown error"


__all__ = ["Fetched", "fetch_url", "is_url", "USER_AGENT"]
