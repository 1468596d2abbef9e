import datetime as dt
from pathlib import Path

import pytest

from discrep.model import Document
from discrep.pipeline import check_documents, extract_documents
from discrep.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def docs(*texts, published=None, story=None, lang=None):
    return [Document(id=f"d{i}", text=t, outlet=f"Outlet{i}", published=published, story=story, lang=lang)
            for i, t in enumerate(texts)]


def run(*texts, published=dt.date(2026, 2, 9), **kw):
    return check_documents(docs(*texts, published=published, **kw), Settings())


def mentions(text, published=dt.date(2026, 2, 9), lang=None):
    (nd, ms, cs), = extract_documents(docs(text, published=published, lang=lang))
    return ms, cs


@pytest.fixture
def root():
    return ROOT
