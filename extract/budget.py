"""A time budget per document, so that text crafted to be slow cannot stall a batch.

Extraction of one document runs inside `document_budget(seconds)`. In the main thread of
a process where nothing else uses SIGALRM, the budget is an interval timer: its signal
interrupts Python code and a running regular expression alike (the `regex` module checks
for signals while it matches), and costs nothing per call. Elsewhere (another thread,
a platform without SIGALRM, a program with its own alarm) every regular expression run
over an unbounded stretch of text passes ``timeout=remaining()``: the `regex` module then
stops a match that backtracks past the deadline (raising TimeoutError), and `remaining()`
itself raises BudgetExceeded once the deadline has passed, which also ends Python loops
that call patterns many times. A timeout costs about 1.3 µs a call, some 8% of an
extraction, which is why the timer comes first. Patterns run on a fixed window of a few
dozen characters need no timeout: their input is bounded. Outside a budget, and under a
timer, `remaining()` is None: no per-call limit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from extract.errors import NewsfactsError

DEFAULT_TIME_BUDGET = 30.0
"""Seconds of extraction per document: ample for articles of a few MB, a stop for pathological text."""

_deadline: ContextVar[float | None] = ContextVar("newsfacts_deadline", default=None)
# Set when the timer rings, until its budget ends: library code that swallows the alarm's exception
# (dateparser catches every Exception while it parses) does not make the document's budget endless:
# the main thread's next checkpoint raises it again.
_rang = False


class BudgetExceeded(NewsfactsError):
    """A document's extraction ran out of its time budget."""


@contextmanager
def document_budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a deadline `seconds` from now (None or 0: no limit).

    A regex timeout inside the block comes out as BudgetExceeded.
    """
    if not seconds:
        yield
        return
    try:
        with _alarm(seconds) if _alarm_is_free() else _timeouts(seconds):
            yield
    except (TimeoutError, BudgetExceeded):
        raise BudgetExceeded(f"over its time budget of {seconds:g} s") from None


def _alarm_is_free() -> bool:
    """Whether this thread may take SIGALRM and its timer for the budget: nobody else has them."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


def _on_alarm(number: int, frame: object) -> None:
    global _rang
    _rang = True
    raise BudgetExceeded("over its time budget")


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    global _rang
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)  # the timer fires once: if it does here, the rest still runs
        finally:
            _rang = False
            signal.signal(signal.SIGALRM, previous)


@contextmanager
def _timeouts(seconds: float) -> Iterator[None]:
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left for the current document (for a `timeout=` argument); None when there is no budget."""
    if _rang and threading.current_thread() is threading.main_thread():
        raise BudgetExceeded("over its time budget")
    deadline = _deadline.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise BudgetExceeded("over its time budget")
    return left


def check() -> None:
    """Raise BudgetExceeded if the current document is over its budget: a checkpoint for loops in Python."""
    remaining()
