"""Errors that the CLI turns into exit code 2 with a one-line message."""


class DiscrepError(Exception):
    """Base class: a problem the user can fix (bad path, bad record, bad option)."""


class InputError(DiscrepError):
    """An input file or record cannot be read.  ``where`` is ``file`` or ``file:line``.

    ``status`` says what is wrong with a bad input (``empty``, ``binary``, ``undecodable``,
    ``unsupported``, ``malformed``, ``unreadable``): such an input can be skipped and
    reported (``--skip-bad``).  Without a status the error is a usage error (a path that
    does not exist) and always stops the run.

    ``special`` marks what is no regular file (a named pipe, a socket, a device, a broken
    link, a link loop): met inside a folder, it is always listed as skipped."""

    def __init__(self, where: str, problem: str, status: str | None = None, special: bool = False):
        self.where = where
        self.problem = problem
        self.status = status
        self.special = special
        super().__init__(f"{where}: {problem}")
