"""Errors a user can act on: each message names the file (and line) or the option at fault."""

from pydantic import ValidationError


def first_problem(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> str:
    """A validation error as one line: where, what, and how many more problems there are."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in (*prefix, *first["loc"]))
    more = f" ({error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


class NewsfactsError(Exception):
    """Base of every error newsfacts reports to a user."""


class RuleFileError(NewsfactsError):
    """A rule pack or lexicon is malformed.

    Each problem is one line, ``path:line: message``; the error reads as the first
    one, and `problems` holds them all (a file can have several validation errors).
    """

    def __init__(self, *problems: str) -> None:
        self.problems: tuple[str, ...] = problems
        more = f" ({len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more if problems else "malformed rule file")


class InputError(NewsfactsError):
    """A document cannot be read or decoded."""


class OptionError(NewsfactsError):
    """A command-line option or API argument has a bad value."""


class OutputError(NewsfactsError):
    """An output file cannot be created or written."""
