"""Errors that the CLI turns into exit code 2 with a one-line message."""


class DiscrepError(Exception):
    """Base class: a problem the user can fix (bad path, bad record, bad option)."""


class InputError(DiscrepError):
    """An input file or record cannot be read.  ``where`` is ``file`` or ``file:line``."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")
