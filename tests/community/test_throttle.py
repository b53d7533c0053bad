"""A limit per window holds for any span of that length, not only within the
clock's minutes (community/throttle.py)."""

import pytest

from community import throttle

MINUTE = 60


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, set by the test: a burst can then be placed across
    the turn of a minute every time, not by chance."""
    now = {"t": 1_800_000_000.0}  # on the turn of a minute
    monkeypatch.setattr(throttle.time, "time", lambda: now["t"])
    return now


def test_a_burst_across_the_turn_of_a_minute_is_counted_as_one(clock):
    clock["t"] -= 0.5  # half a second before the minute turns
    assert throttle.allow("burst", "member", 2, MINUTE)
    assert throttle.allow("burst", "member", 2, MINUTE)
    clock["t"] += 1  # half a second after
    assert not throttle.allow("burst", "member", 2, MINUTE)


def test_the_limit_comes_back_once_a_whole_window_has_passed(clock):
    assert throttle.allow("later", "member", 2, MINUTE)
    assert throttle.allow("later", "member", 2, MINUTE)
    assert not throttle.allow("later", "member", 2, MINUTE)
    clock["t"] += 2 * MINUTE
    assert throttle.allow("later", "member", 2, MINUTE)
