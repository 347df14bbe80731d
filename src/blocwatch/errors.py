"""Errors raised by blocwatch.

The tree::

    BlocwatchError                 base; the CLI prints its message and exits 2
    ├── InputError                 a document or input file is unreadable or malformed
    ├── DictionaryError            a knowledge/vocabulary data file is invalid
    ├── StoreError                 the database cannot be opened or written
    └── UsageError                 options that do not fit together

Every message says what happened, where (``file:line`` when there is one) and
what to try next.
"""

from __future__ import annotations

__all__ = ["BlocwatchError", "DictionaryError", "InputError", "StoreError", "UsageError"]


class BlocwatchError(Exception):
    """Base class for errors the user can fix."""


class InputError(BlocwatchError):
    """A problem with an input document, reported with its origin."""

    def __init__(self, origin: str, problem: str, hint: str = "") -> None:
        self.origin = origin
        self.problem = problem
        self.hint = hint
        message = f"{origin}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class DictionaryError(BlocwatchError):
    """A data file (actors, vocabulary) is invalid."""


class StoreError(BlocwatchError):
    """The database cannot be opened, read or written."""


class UsageError(BlocwatchError):
    """Options or arguments that cannot work together."""
