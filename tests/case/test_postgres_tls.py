"""A case on a PostgreSQL server reached over TCP with TLS, as a newsroom's server on another
machine would be: a throwaway server listening on 127.0.0.1 that refuses TCP without TLS,
with a self-signed certificate made by `openssl` (tests/postgres_server.py).

Only Debian 12's PostgreSQL 15 is installable here; other server versions are untested."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import first_extraction
from postgres_server import make_certificate, start_or_skip

from workbench import Case
from workbench.errors import CaseError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tls_server():
    server = start_or_skip(tls=True)
    try:
        yield server
    finally:
        server.stop()


def _encrypted(case: Case) -> bool:
    # the client library's own account of this connection
    return bool(case._store.db._db.pgconn.ssl_in_use)  # type: ignore[attr-defined]


def test_a_case_opens_over_tls_and_keeps_its_edits(tls_server) -> None:
    url = tls_server.tcp_url("require")
    with Case.open(url) as case:
        assert _encrypted(case)
        case.add_extraction(first_extraction())
        claim = case.claims()[0]
        case.set_claim_status(claim.id, "disputed")
    with Case.open(url) as again:
        assert _encrypted(again)
        assert again.claim(claim.id).status.value == "disputed"
        assert ("set_claim_status", claim.id) in [(e.action, e.target) for e in again.history()]
        with pytest.raises(CaseError, match="nothing to undo"):
            again.undo()  # another session's edit is never undone
    with Case.open(url) as case:
        case.set_claim_status(claim.id, "corroborated")
        case.undo()
        assert case.claim(claim.id).status.value == "disputed"


def test_the_server_certificate_is_verified_when_asked(tls_server, tmp_path: Path) -> None:
    with Case.open(tls_server.tcp_url("verify-full", sslrootcert=str(tls_server.cert))) as case:
        assert _encrypted(case)
    stranger = tmp_path / "other.crt"
    make_certificate(stranger, tmp_path / "other.key")
    with pytest.raises(
        CaseError, match=r"^cannot connect to .*certificate verify failed"
    ) as refused:
        Case.open(tls_server.tcp_url("verify-full", sslrootcert=str(stranger)))
    assert "\n" not in str(refused.value)


def test_tcp_without_tls_is_refused_in_one_line(tls_server) -> None:
    with pytest.raises(
        CaseError, match=r"^cannot connect to .*rejects connection.*no encryption"
    ) as refused:
        Case.open(tls_server.tcp_url("disable"))
    assert "\n" not in str(refused.value)
