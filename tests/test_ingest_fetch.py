"""Reading articles from http(s) URLs, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.fetch import fetch_url, is_url
from workbench.ingest import iter_articles, read_articles
from workbench.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
ARABIC = "قالت وكالة سانا إن علي مملوك التقى خالد فوزي في القاهرة واتفقا على تنسيق المواقف."


def _pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Aramco halts shipments")
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Saudi Aramco informed the EGPC that it would halt the supply of oil.")
    return bytes(pdf.output())


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        # The client gives up first in the timeout and size tests.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self.wfile.write(b"<html>" + b" " * 1000)
            return
        if self.path == "/big-streamed":
            # No Content-Length: the size shows only while reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"word " * 1000)
            return
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/news/2020/01/dw-story.html")
            self.end_headers()
            return
        status, content_type, body = self.routes.get(self.path, (404, "text/html", b"Not here"))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    page = (DATA / "dw-berlin-colonial-past.html").read_bytes()
    _Handler.routes = {
        "/news/2020/01/dw-story.html": (200, "text/html; charset=utf-8", page),
        "/files/report.pdf": (200, "application/pdf", _pdf_bytes()),
        "/wire/arabic": (200, "text/plain; charset=windows-1256", ARABIC.encode("cp1256")),
        "/wire/guess": (200, "text/plain", ("Title line\n\n" + ARABIC).encode("cp1256")),
        "/download/story.html": (200, "application/octet-stream", page),
        "/news/index.html": (200, "", page),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        "/mislabelled": (200, "text/plain; charset=utf-8", b"\x00\x01\x02\x03" * 100),
        "/empty": (200, "text/html", b""),
        "/shell": (200, "text/html", (DATA / "lanouvellerepublique-app-shell.html").read_bytes()),
        "/gone": (410, "text/html", b"Gone"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fails(url: str, **options) -> str:
    with pytest.raises(InputError) as caught:
        read_articles(url, **options)
    message = str(caught.value)
    assert message.startswith(f"{url}: ") and "\n" not in message
    return message


def test_html_page(server):
    url = f"{server}/news/2020/01/dw-story.html"
    (article,) = read_articles(url)
    assert article.id == "dw-story"
    assert article.outlet == "DW.COM" and article.published == "2020-01-19"
    # the page's canonical URL wins over the address it was fetched from
    assert article.url.startswith("https://www.dw.com/en/berlin-confronts")
    assert article.path is None
    assert "ISD spokesman Tahir Della told DW." in article.text


def test_redirect_is_followed(server):
    (article,) = read_articles(f"{server}/redirect")
    assert "Tahir Della" in article.text


def test_pdf_by_content_type(server):
    (article,) = read_articles(f"{server}/files/report.pdf", published="2016-10-17")
    assert article.id == "report" and article.title == "Aramco halts shipments"
    assert "halt the supply of oil" in article.text
    assert article.url == f"{server}/files/report.pdf" and article.published == "2016-10-17"


def test_text_with_declared_and_guessed_charsets(server):
    (declared,) = read_articles(f"{server}/wire/arabic")
    assert declared.text == ARABIC
    (guessed,) = read_articles(f"{server}/wire/guess")
    assert (guessed.title, guessed.text) == ("Title line", ARABIC)


def test_vague_content_type_falls_back_to_the_extension_or_the_bytes(server):
    assert "Tahir Della" in read_articles(f"{server}/download/story.html")[0].text
    (article,) = read_articles(f"{server}/news/index.html")
    assert article.id == "news"  # "index" says nothing; its folder does


def test_ids_are_unique_within_one_call(server):
    url = f"{server}/news/2020/01/dw-story.html"
    items = list(iter_articles([url, url]))
    assert [a.id for a in items if isinstance(a, Article)] == ["dw-story", "dw-story-2"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/gone", "the server answered 410 Gone"),
        ("/logo.png", "unsupported content type image/png"),
        ("/empty", "the page is empty"),
        ("/mislabelled", "this looks like a binary file, not an article"),
        ("/shell", "no article text found in this page"),
        ("/big-declared", "the page is too big (50.0 MB; the limit is 20 MB)"),
    ],
)
def test_server_side_failures(server, path, expected):
    assert expected in fails(f"{server}{path}")


def test_body_over_the_cap_without_content_length(server):
    message = fails(f"{server}/big-streamed", max_bytes=100_000)
    assert "the page is too big (over 0.1 MB; the limit is 0.1 MB)" in message


def test_slow_server_times_out(server):
    start = time.perf_counter()
    message = fails(f"{server}/slow", timeout=0.3)
    assert time.perf_counter() - start < 1.5
    assert message.endswith("the site did not answer within 0.3 s")


def test_unreachable_host():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    message = fails(f"http://127.0.0.1:{port}/story.html")
    assert "cannot reach the site" in message and "refused" in message.lower()


def test_bad_url_in_a_list_is_reported_and_the_rest_read(server):
    items = list(iter_articles(["http://", f"{server}/news/2020/01/dw-story.html"]))
    assert isinstance(items[0], InputError) and str(items[0]).startswith("http://: ")
    assert isinstance(items[1], Article)


def test_fetch_url_reports_type_charset_and_final_url(server):
    fetched = fetch_url(f"{server}/wire/arabic")
    assert (fetched.content_type, fetched.charset) == ("text/plain", "windows-1256")
    assert fetch_url(f"{server}/redirect").url.endswith("/news/2020/01/dw-story.html")
    assert is_url("HTTPS://example.org/a") and not is_url("example.org/a.html")
