"""The benchmark corpus: the project's own articles, replicated and shuffled deterministically, as files."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "golden", ROOT / "examples")
SUFFIXES = (".txt", ".md")
SEED = 20241110
SHARD = 1000
"""Files per sub-folder: an archive is a tree of folders, not one huge folder."""


@dataclass(frozen=True)
class Article:
    """One source article: its file, its sidecar if it has one, and its text."""

    path: Path
    sidecar: Path | None
    text: str
    size: int


@dataclass(frozen=True)
class Corpus:
    folder: Path
    articles: tuple[Article, ...]
    """In the order the files are named (and so read): the texts the in-memory measures use."""

    @property
    def size(self) -> int:
        return sum(article.size for article in self.articles)


def articles() -> list[Article]:
    """Every golden fixture document and example of the project (the seeds folder outside it is left out)."""
    found = []
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            sidecar = path.with_suffix(".meta.json")
            data = path.read_bytes()
            found.append(Article(path, sidecar if sidecar.is_file() else None, data.decode("utf-8"), len(data)))
    if not found:
        raise SystemExit(f"bench: no articles under {', '.join(str(s) for s in SOURCES)}")
    return found


def sample(base: list[Article], size: int, seed: int = SEED) -> list[Article]:
    """Copies of `base`, each round shuffled with a fixed seed, until `size` bytes are reached."""
    rounds = random.Random(seed)
    chosen: list[Article] = []
    total = 0
    while total < size:
        batch = list(base)
        rounds.shuffle(batch)
        for article in batch:
            chosen.append(article)
            total += article.size
            if total >= size:
                break
    return chosen


def build(base: list[Article], size: int, folder: Path) -> Corpus:
    """Write about `size` bytes of articles under `folder` (sharded), each with a copy of its sidecar."""
    chosen = sample(base, size)
    for number, article in enumerate(chosen):
        shard = folder / f"{number // SHARD:03d}"
        shard.mkdir(parents=True, exist_ok=True)
        name = f"{number:06d}_{article.path.stem}"
        shutil.copyfile(article.path, shard / f"{name}{article.path.suffix}")
        if article.sidecar is not None:
            shutil.copyfile(article.sidecar, shard / f"{name}.meta.json")
    return Corpus(folder, tuple(chosen))
