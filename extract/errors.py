"""Errors a user can act on: each message names the file (and line) or the option at fault."""


class NewsfactsError(Exception):
    """Base of every error newsfacts reports to a user."""


class RuleFileError(NewsfactsError):
    """A rule pack or lexicon is malformed."""


class InputError(NewsfactsError):
    """A document cannot be read or decoded."""


class OptionError(NewsfactsError):
    """A command-line option or API argument has a bad value."""


class OutputError(NewsfactsError):
    """An output file cannot be created or written."""
