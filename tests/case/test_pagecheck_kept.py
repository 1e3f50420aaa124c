"""Keeping a derived result writes to the case file, but is no change the page check must
verify: the check's record follows the file through the store's own keeping
(pagecheck.carry, `Store.close`), and anything else that writes still gets the file
checked in full at its next open; damage made after a keep is still found."""

from __future__ import annotations

from pathlib import Path

import test_pagecheck
from case_builders import actor_named
from test_pagecheck import _case, _next_tick
from test_store import assert_refused

from workbench import Case

# test_pagecheck's fixtures: a cache folder of the test's own (autouse), the page checks
# SQLite was asked for, files not "racily" clean
cache = test_pagecheck.cache
checks = test_pagecheck.checks
settled = test_pagecheck.settled
# and its way of damaging a page that only a full check finds
damage_middle_page = test_pagecheck._damage_middle_page


def _checked_clean(case_file: Path) -> None:
    _case(case_file, 3)
    _next_tick()
    Case.open(case_file).close()  # checked in full, clean: noted
    _next_tick()


def _keep(case_file: Path) -> None:
    with Case.open(case_file) as case:
        case.corroboration()
        case.similar_claims()
        case.actors()
    _next_tick()


def test_a_kept_result_does_not_cost_the_next_open_its_check(
    case_file: Path, checks: list[str], settled
) -> None:
    _checked_clean(case_file)
    before = case_file.stat()
    checks.clear()
    _keep(case_file)
    assert case_file.stat().st_mtime_ns != before.st_mtime_ns  # the keeping wrote to it
    assert checks == []
    with Case.open(case_file) as case:
        assert len(case.corroboration()) > 0
    assert checks == []  # not checked again, neither after the keep nor after a read


def test_a_page_damaged_after_a_keep_is_still_found(case_file: Path, settled) -> None:
    """The same size, in place, its modification time put back (as `cp -p` would)."""
    _checked_clean(case_file)
    _keep(case_file)
    damage_middle_page(case_file)
    assert_refused(case_file, "damaged")


def test_an_edit_in_the_session_that_keeps_is_checked_again(
    case_file: Path, checks: list[str], settled
) -> None:
    _checked_clean(case_file)
    with Case.open(case_file) as case:
        case.corroboration()
        case.update_actor(case.actors()[0].id, status="confirmed")
        case.similar_claims()
    _next_tick()
    checks.clear()
    Case.open(case_file).close()
    assert len(checks) == 1


def test_another_connections_write_between_keeps_is_checked_again(
    case_file: Path, checks: list[str], settled
) -> None:
    _checked_clean(case_file)
    with Case.open(case_file) as keeping:
        keeping.corroboration()
        keeping._store.settle()
        with Case.open(case_file) as other:
            other.update_actor(actor_named(other, other.actors()[0].name).id, status="confirmed")
        _next_tick()
        keeping.similar_claims()
    _next_tick()
    checks.clear()
    Case.open(case_file).close()
    assert len(checks) == 1
