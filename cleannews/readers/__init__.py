"""Readers turn input into a list of `Block`s; nothing after them knows which ran."""

from cleannews.readers.html import read_html
from cleannews.readers.text import read_text

__all__ = ["read_html", "read_text"]
