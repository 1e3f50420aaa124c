"""The Load panel as someone on the network could use it (`workbench app --ip 0.0.0.0`):
the URL box fetches web addresses only, the case box stays in the cases folder, and
uploaded or pasted articles leave no file behind. Driven from Python, as a browser would."""

from __future__ import annotations

import socket
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbench import Case
from workbench.errors import InputError
from workbench.views import Workbench
from workbench.views.cases_folder import CASES_DIR_ENV, RefusedName, case_file
from workbench.views.launch import SERVED_TO_NETWORK_ENV
from workbench.views.load_panel import url_problem


@pytest.fixture
def cases(tmp_path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    return folder


@pytest.fixture
def app(cases, monkeypatch):
    monkeypatch.delenv(CASES_DIR_ENV, raising=False)
    monkeypatch.delenv(SERVED_TO_NETWORK_ENV, raising=False)
    app = Workbench(cases / "class.case")
    opened = [app.case]
    yield app
    opened.append(app.case)
    for case in {id(c): c for c in opened}.values():
        case.close()


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, here: what the panel leaves in it can be listed."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def refused(app) -> bool:
    return "✘" in app.status.value


# --- the URL box -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "/etc/passwd",
        "file:///etc/passwd",
        "~/.ssh/id_rsa",
        "ftp://example.org/a.txt",
        "javascript:alert(1)",
        "http://",
        "https:///etc/passwd",
        "https://example.org/a b",
        "https://example.org/\n/etc/passwd",
        "-",
    ],
)
def test_the_url_box_refuses_what_is_not_a_web_address(app, value, monkeypatch):
    fetched = []
    monkeypatch.setattr("workbench.ingest.fetch_url", lambda url, **kw: fetched.append(url))
    load = app.panel("Load")
    load.url.value = value
    load.url_button.click()
    assert refused(app) and "http:// or https://" in app.status.value
    assert fetched == [] and len(app.case.articles()) == 0
    assert load.url.value == value.strip()  # kept, for the person to correct


def test_the_url_box_fetches_an_http_url(app):
    with socket.socket() as s:  # a port nothing listens on: the fetch is tried, and fails
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    load = app.panel("Load")
    load.url.value = f"http://127.0.0.1:{port}/story.html"
    load.url_button.click()
    assert refused(app) and "cannot reach the site" in app.status.value


def test_open_to_the_network_the_url_box_refuses_addresses_inside_it(app, monkeypatch):
    with socket.socket() as s:  # a port nothing listens on: refused before connecting
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    load = app.panel("Load")
    url = f"http://127.0.0.1:{port}/story.html"
    monkeypatch.setenv(SERVED_TO_NETWORK_ENV, "1")
    load.url.value = url
    load.url_button.click()
    assert refused(app)
    assert "open to the network, so it does not fetch addresses inside it: 127.0.0.1" in (
        app.status.value
    )
    assert "cannot reach the site" not in app.status.value
    assert load.url.value == url and len(app.case.articles()) == 0

    options = []  # what the panel asks of the fetch, with the setting and without

    def fetch(url, **kw):
        options.append(kw["public_only"])
        raise InputError(f"{url}: not fetched in this test")

    monkeypatch.setattr("workbench.ingest.fetch_url", fetch)
    load.url_button.click()
    monkeypatch.setenv(SERVED_TO_NETWORK_ENV, "0")
    load.url_button.click()
    monkeypatch.delenv(SERVED_TO_NETWORK_ENV)
    load.url_button.click()
    assert options == [True, False, False]


def test_url_problem_accepts_http_and_https_only():
    assert url_problem("https://www.middleeasteye.net/news/x?a=1") is None
    assert url_problem("HTTP://example.org") is None
    assert url_problem("file:///etc/passwd") is not None
    assert url_problem("http://[::1") is not None  # malformed: refused, not raised


# --- the case box ------------------------------------------------------------------------


def test_the_case_box_opens_and_creates_cases_by_name_in_the_cases_folder(app, cases):
    app.show("Load")
    load = app.panel("Load")
    assert app.cases_dir == cases.resolve()
    assert load.case_path.value == "class.case"  # a name, not the server's path
    load.case_path.value = "class-2"
    load.open_button.click()
    assert not refused(app), app.status.value
    assert app.case.path.resolve() == (cases / "class-2.case").resolve()
    assert load.case_path.value == "class-2.case"
    second = app.case
    load.case_path.value = "class.case"
    load.open_button.click()
    assert app.case.path.resolve() == (cases / "class.case").resolve()
    assert second.closed  # no other app used it


def test_a_case_switched_away_from_is_closed_when_no_other_app_uses_it(app, cases):
    from workbench.views.shared_cases import shared_case

    first = app.case
    other = Workbench(cases / "class.case")  # a second app in the kernel, on the same case
    assert other.case is first
    app.open_case("class-2")
    assert app.case is not first and not first.closed  # the other app still uses it
    second = app.case
    other.open_case("class-2")
    assert other.case is second
    assert first.closed  # now no app uses it
    other.open_case("class")
    assert not second.closed  # `app` still uses it
    assert shared_case(cases / "class.case") is other.case and not other.case.closed
    other.case.close()
    own = Case.open(cases / "own.case")  # a case its owner handed in is the owner's to close
    try:
        mine = Workbench(own)
        mine.open_case("class-2")
        assert not own.closed
    finally:
        own.close()


@pytest.mark.parametrize(
    "name",
    [
        "../outside",
        "../outside.case",
        "..",
        "sub/inner.case",
        "/tmp/elsewhere.case",
        "~/home.case",
        ".hidden",
        "",
        "   ",
        "a\\b",
    ],
)
def test_the_case_box_refuses_paths(app, cases, name):
    before = sorted(p.name for p in cases.parent.rglob("*"))
    load = app.panel("Load")
    load.case_path.value = name
    load.open_button.click()
    assert refused(app)
    assert app.case.path.resolve() == (cases / "class.case").resolve()
    assert sorted(p.name for p in cases.parent.rglob("*")) == before  # nothing created
    assert not Path("/tmp/elsewhere.case").exists()


def test_the_case_box_refuses_a_symlink_out_of_the_folder(app, cases, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (cases / "escape.case").symlink_to(outside / "secret.case")  # dangling: would be created
    (cases / "inside.case").symlink_to(cases / "class.case")
    load = app.panel("Load")
    load.case_path.value = "escape"
    load.open_button.click()
    assert refused(app) and "leads out" in app.status.value
    assert list(outside.iterdir()) == []
    with pytest.raises(RefusedName):
        case_file("escape.case", cases)
    assert case_file("inside", cases) == cases.resolve() / "inside.case"  # a link inside is fine


def test_the_cases_folder_comes_from_the_environment(tmp_path, cases, monkeypatch):
    elsewhere = tmp_path / "class-cases"
    elsewhere.mkdir()
    monkeypatch.setenv(CASES_DIR_ENV, str(elsewhere))
    app = Workbench.open(cases / "class.case")
    try:
        assert app.cases_dir == elsewhere.resolve()
        app.show("Load")
        load = app.panel("Load")
        assert load.case_path.value == str(cases / "class.case")  # outside: shown in full
        load.case_path.value = "week-2"
        load.open_button.click()
        assert app.case.path.resolve() == (elsewhere / "week-2.case").resolve()
        app.case.close()
    finally:
        from workbench.views.shared_cases import shared_case

        shared_case(cases / "class.case").close()


# --- uploads and pasted text -------------------------------------------------------------


def uploaded(name: str, content: bytes) -> dict:
    """A file as the FileUpload widget holds it once the browser has sent it."""
    return {
        "name": name,
        "type": "text/plain",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failed_upload_leaves_no_file(app, private_tmp):
    load = app.panel("Load")
    load.upload.value = (uploaded("../../broken.pdf", b"not a pdf"),)
    load.upload_button.click()
    assert refused(app) and "broken.pdf" in app.status.value
    assert leftovers(private_tmp) == []
    assert not (private_tmp.parent / "broken.pdf").exists()
    assert len(app.case.articles()) == 0


@pytest.mark.slow  # the real spaCy model extracts the articles
def test_uploads_and_pastes_are_read_then_removed(app, private_tmp, tmp_path):
    load = app.panel("Load")
    load.upload.value = (
        uploaded("cairo.txt", b"Visit to Cairo\n\nSANA reported the visit."),
        uploaded("cairo.txt", b"Second\n\nAFP said the talks went well."),
    )
    load.upload_button.click()
    assert not refused(app), app.status.value
    assert {a.title for a in app.case.articles()} == {"Visit to Cairo", "Second"}
    assert leftovers(private_tmp) == []

    # a one-line paste naming a file on the server is text, never that file
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's secret")
    load.paste.value = str(secret)
    load.paste_button.click()
    assert not refused(app), app.status.value
    texts = [a.text for a in app.case.articles()]
    assert str(secret) in texts and not any("secret" in t and "server" in t for t in texts)
    assert leftovers(private_tmp) == []
