"""Markdown postmortems in and out: decoding, parsing, mapping to the model, and export."""
