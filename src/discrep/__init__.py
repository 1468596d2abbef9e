"""discrep: find conflicting numbers, dates and ordinals across news articles.

Library first: ``discrep.check(paths, Settings())`` returns a :class:`Report`;
the command line in :mod:`discrep.cli` is a thin layer over it.
"""
from .settings import Settings
from .pipeline import check, extract_documents

__all__ = ["Settings", "check", "extract_documents"]
__version__ = "0.1.0"
