"""Shared helpers for the report tests: read a PDF's text like a reader would."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squashed(text: str) -> str:
    """Text without any whitespace: wrapped lines and split long tokens read as one."""
    return "".join(text.split())


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)
