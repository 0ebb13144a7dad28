"""A time budget per document, so that text crafted to be slow cannot stall a batch.

Extraction of one document runs inside `document_budget(seconds)`. Every regular
expression run over an unbounded stretch of text (the whole document, a line, a
sentence) passes ``timeout=remaining()``: the `regex` module then stops a match that
backtracks past the deadline (raising TimeoutError), and `remaining()` itself raises
BudgetExceeded once the deadline has passed, which also ends Python loops that call
patterns many times. Patterns run on a fixed window of a few dozen characters need no
timeout: their input is bounded. Outside a budget, `remaining()` is None: no limit.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from extract.errors import NewsfactsError

DEFAULT_TIME_BUDGET = 30.0
"""Seconds of extraction per document: ample for articles of a few MB, a stop for pathological text."""

_deadline: ContextVar[float | None] = ContextVar("newsfacts_deadline", default=None)


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
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    except (TimeoutError, BudgetExceeded):
        raise BudgetExceeded(f"over its time budget of {seconds:g} s") from None
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left for the current document (for a `timeout=` argument); None when there is no budget."""
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
