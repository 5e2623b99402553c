"""HTML pages: the article text extracted with trafilatura, the headline kept as sentence 1."""

from __future__ import annotations

from typing import Any

from summariser.articles.build import build_article
from summariser.articles.dates import iso_date
from summariser.articles.files import decode_text, reject_binary
from summariser.articles.models import Article
from summariser.errors import InputError


def article_from_html(raw: bytes, name: str) -> Article:
    import trafilatura

    source: str | bytes
    try:
        source = decode_text(raw, name)
    except InputError:
        reject_binary(raw, name)
        source = raw  # trafilatura honours the page's declared charset
    doc: Any = trafilatura.bare_extraction(
        source, include_comments=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        raise InputError("no article text could be extracted from this HTML page", name)
    title = (doc.title or "").strip() or None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"  # the headline carries facts: keep it as sentence 1
    return build_article(text, name, title=title, date=iso_date(doc.date or ""))
