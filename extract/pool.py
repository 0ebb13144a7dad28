"""`extract --jobs N`: documents extracted by N worker processes, results in input order.

Workers start once and build their Extractor once. Single-document files go to
them as paths (reading HTML is work worth sharing); a file of records is read here,
record by record, and each record goes out as a document. At most a few batches
are in flight at any time, so a folder or a huge JSONL file is streamed, never
held in memory.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Generic, TypeVar

from extract.engine import DocumentResult, Extractor
from extract.errors import NewsfactsError, OptionError
from extract.readers import Document, ReadError, RecordFields, is_record_file, iter_paths

BATCH = 8
"""Documents per task: enough to make the cost of passing them between processes negligible."""
IN_FLIGHT = 4
"""Batches queued per worker: enough to keep every worker busy, few enough to keep memory flat."""

Item = Path | Document | DocumentResult
Finished = TypeVar("Finished")


class WorkerError(NewsfactsError):
    """A worker process died (killed, or out of memory)."""


@dataclass(frozen=True)
class _Job(Generic[Finished]):
    """What every worker needs, sent once when it starts."""

    extractor: Extractor
    finish: Callable[[DocumentResult], Finished]
    lang: str | None
    published: dt.date | None
    fields: RecordFields | None

    def run(self, item: Item) -> list[Finished]:
        return [self.finish(result) for result in self._results(item)]

    def _results(self, item: Item) -> Iterable[DocumentResult]:
        if isinstance(item, DocumentResult):
            return [item]
        if isinstance(item, Document):
            return [self.extractor._extract_read(item, self.lang, self.published)]
        return self.extractor.extract_records(item, self.lang, self.published, self.fields)


_job: _Job[Any] | None = None


def _start(job: _Job[Any]) -> None:
    global _job
    _job = job


def _run(batch: list[Item]) -> list[Any]:
    assert _job is not None, "worker started without its job"
    return [finished for item in batch for finished in _job.run(item)]


def extract_in_pool(
    extractor: Extractor,
    paths: list[Path],
    jobs: int,
    finish: Callable[[DocumentResult], Finished],
    lang: str | None = None,
    published: dt.date | None = None,
    fields: RecordFields | None = None,
    skip: Callable[[Document], bool] | None = None,
) -> Iterator[Finished]:
    """Lazily, `finish` of each result under `paths` (as `extractor.extract_paths` gives them), from `jobs` workers.

    The workers apply `finish` (a picklable function: a module's, or a partial of one), so that what comes back
    to this process can be less than the whole result. `skip` (a resumed run's) is asked here, so files are read
    here when it is given.
    """
    if jobs < 1:
        raise OptionError(f"--jobs must be 1 or more, not {jobs}")
    # Spawned workers are children of this process: their memory shows in its rusage, and no lock held by a
    # thread here (a progress bar's) is inherited by a fork.
    context = multiprocessing.get_context("spawn")
    job = _Job(extractor, finish, lang, published, fields)
    pending: deque[Future[list[Finished]]] = deque()
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(job,)) as pool:
        try:
            for batch in _batches(_items(extractor, paths, fields, skip)):
                pending.append(pool.submit(_run, batch))
                if len(pending) >= jobs * IN_FLIGHT:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise WorkerError("a worker process died (killed, or out of memory?); try fewer --jobs") from None
        finally:
            for future in pending:
                future.cancel()


def _items(
    extractor: Extractor, paths: list[Path], fields: RecordFields | None, skip: Callable[[Document], bool] | None
) -> Iterator[Item]:
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield DocumentResult(path=item.path, error=str(item))
        elif is_record_file(item) or skip is not None:
            yield from extractor.documents_in(item, fields, skip)
        else:
            yield item


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch
