"""Reading articles from http(s) URLs, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import gc
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.fetch import MAX_REDIRECTS, fetch_url, is_url
from workbench.ingest import iter_articles, read_articles
from workbench.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
# An unclosed socket is a bug here (the project's settings ignore ResourceWarning).
pytestmark = pytest.mark.filterwarnings("error::ResourceWarning")
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
    redirects: dict[str, str] = {}
    stop = threading.Event()  # set when the tests are over: slow answers end at once

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        # The client gives up first in the timeout and size tests.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _trickle(self, data: bytes) -> None:
        """A byte every 50 ms: each read waits far less than any timeout used here."""
        for byte in data:
            if self.stop.wait(0.05):
                return
            self.wfile.write(bytes([byte]))

    def _answer(self) -> None:
        if self.path == "/slow" and self.stop.wait(30):
            return  # else a 404: the client did not give up
        if self.path == "/trickle-body":  # answers at once, then never finishes in time
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            self._trickle(b"word " * 100)
            return
        if self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
            self._trickle(b"x" * 500)
            self.wfile.write(b"\r\nContent-Type: text/plain\r\n\r\nA story about Cairo.")
            return
        if self.path == "/bad-status":
            self.wfile.write(b"NONSENSE\r\n\r\n")
            return
        if self.path == "/incomplete":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Length: 1000\r\n\r\nonly this")
            return
        if self.path == "/many-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n" + b"X-A: b\r\n" * 150 + b"\r\nbody")
            return
        if self.path == "/long-header":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n")
            return
        if self.path.startswith("/hops/"):
            left = int(self.path.rsplit("/", 1)[1])
            target = f"/hops/{left - 1}" if left else "/news/2020/01/dw-story.html"
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.end_headers()
            return
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
    _Handler.redirects = {
        "/loop": "/loop",
        "/to-file": "file:///etc/hostname",
        "/to-ftp": "ftp://127.0.0.1/story.txt",
        "/to-data": "data:text/plain,A%20story%20about%20Cairo.",
    }
    _Handler.stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _collect_garbage():
    """A leaked socket warns when collected: collect now, so the test that leaked it fails."""
    yield
    gc.collect()


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
    assert article.outlet == "DW.COM" and str(article.published) == "2020-01-19"
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
    assert article.url == f"{server}/files/report.pdf" and str(article.published) == "2016-10-17"


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
    # the server would answer 404 after 30 s: this message means the client gave up
    message = fails(f"{server}/slow", timeout=0.3)
    assert message.endswith("the site did not answer within 0.3 s")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # bytes keep coming, each within the timeout: only a deadline for the whole stops them
        ("/trickle-body", "the download did not finish within 0.5 s"),
        ("/trickle-headers", "the site did not answer within 0.5 s"),
    ],
)
def test_the_timeout_caps_the_whole_download(server, path, expected):
    message = fails(f"{server}{path}", timeout=0.5)
    assert message == f"{server}{path}: {expected}"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/bad-status", "the server sent a broken answer (NONSENSE)"),
        ("/incomplete", "the server sent a broken answer (the page ends after 9 of its 1000"),
        ("/many-headers", "the server sent a broken answer (got more than 100 headers)"),
        ("/long-header", "the server sent a broken answer (got more than 65536 bytes"),
    ],
)
def test_broken_http_answers(server, path, expected):
    assert fails(f"{server}{path}").startswith(f"{server}{path}: {expected}")


def test_redirects_are_followed_up_to_a_limit(server):
    (article,) = read_articles(f"{server}/hops/{MAX_REDIRECTS - 1}")  # 5 redirects in all
    assert "Tahir Della" in article.text
    message = fails(f"{server}/hops/{MAX_REDIRECTS}")
    assert message == f"{server}/hops/{MAX_REDIRECTS}: the site redirects more than 5 times"
    assert fails(f"{server}/loop").endswith("the site redirects more than 5 times")


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/to-file", "file:///etc/hostname"),
        ("/to-ftp", "ftp://127.0.0.1/story.txt"),
        ("/to-data", "data:text/plain,A%20story%20about%20Cairo."),
    ],
)
def test_redirects_only_to_web_addresses(server, path, target):
    assert fails(f"{server}{path}") == (
        f"{server}{path}: the site redirects to {target}; only http and https addresses "
        "are followed"
    )


def test_only_http_and_https_are_fetched(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("A local file, not a web page.")
    for url in (story.as_uri(), "data:text/plain,A%20story", "ftp://127.0.0.1/story.txt"):
        with pytest.raises(InputError, match="unknown url type"):
            fetch_url(url)


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


# --- public_only: the app open to a network fetches no address inside it ---------------------

INSIDE = "this app is open to the network, so it does not fetch addresses inside it"


def test_public_only_refuses_this_machine(server):
    url = f"{server}/news/2020/01/dw-story.html"
    assert fails(url, public_only=True) == f"{url}: {INSIDE}: 127.0.0.1"
    port = server.rsplit(":", 1)[1]
    assert INSIDE in fails(f"http://localhost:{port}/news/2020/01/dw-story.html", public_only=True)
    (article,) = read_articles(url)  # without the option, fetched as before
    assert "Tahir Della" in article.text


def test_public_only_checks_every_redirect_target(server, monkeypatch):
    # Offline, the first URL is 127.0.0.1 too: the check lets the first connection through
    # (as if it were public) and must then refuse the redirect's, to 127.0.0.1.
    import workbench.fetch

    checked = []
    monkeypatch.setattr(
        workbench.fetch,
        "is_public_address",
        lambda address: checked.append(address) or len(checked) == 1,
    )
    url = f"{server}/redirect"
    assert fails(url, public_only=True) == f"{url}: {INSIDE}: 127.0.0.1"
    assert checked == ["127.0.0.1", "127.0.0.1"]  # the first URL's host, then the redirect's
    checked.clear()
    (article,) = read_articles(url)  # option off: the redirect is followed, nothing checked
    assert "Tahir Della" in article.text and checked == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # shared address space (carrier NAT)
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("::", False),
        ("93.184.216.34", True),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("::ffff:8.8.8.8", True),
    ],
)
def test_is_public_address(address, public):
    from workbench.fetch import is_public_address

    assert is_public_address(address) is public


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", "The minister said on Monday that the talks in Geneva had failed."),
        (
            "text/html; charset=iso-8859-1",  # a wrong declared charset: the BOM wins
            "<html><body><article>"
            + "<p>The minister said on Monday that the talks in Geneva had failed badly.</p>" * 3
            + "</article></body></html>",
        ),
    ],
)
def test_utf16_pages_are_read_by_their_bom(server, content_type, body):
    """Issue 12: UTF-16 is full of NUL bytes, which once made it 'binary'."""
    _Handler.routes["/utf16"] = (200, content_type, body.encode("utf-16"))
    try:
        (article,) = read_articles(f"{server}/utf16")
    finally:
        del _Handler.routes["/utf16"]
    assert "talks in Geneva" in article.text
