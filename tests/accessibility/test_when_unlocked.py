"""when_unlocked (tests/accessibility/conftest.py): the module fixtures' writes to the shared
content database wait for the live server's thread instead of failing at teardown."""

import pytest
from django.db import OperationalError

from .conftest import when_unlocked


def failing(times, message):
    calls = []

    def write():
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError(message)
        return "written"

    return write, calls


def test_a_write_refused_while_a_table_is_locked_is_tried_again():
    write, calls = failing(2, "database table is locked")
    assert when_unlocked(write) == "written"
    assert len(calls) == 3


def test_any_other_error_is_raised_at_once():
    write, calls = failing(1, "no such table: auth_user")
    with pytest.raises(OperationalError, match="no such table"):
        when_unlocked(write)
    assert len(calls) == 1


def test_a_lock_that_stays_is_raised_after_the_timeout():
    write, _calls = failing(1000, "database table is locked")
    with pytest.raises(OperationalError, match="locked"):
        when_unlocked(write, timeout=0.3)
