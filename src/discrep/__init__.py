"""discrep: find conflicting numbers, dates and ordinals across news articles.

Library first: ``discrep.check(paths, Settings())`` returns a :class:`Report`;
the command line in :mod:`discrep.cli` is a thin layer over it.  The names below are
loaded on first use, so that the command line starts without the whole pipeline.
"""
from typing import Any

__all__ = ["Settings", "check", "extract_documents"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from .settings import Settings
        return Settings
    if name in ("check", "extract_documents"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'discrep' has no attribute {name!r}")
