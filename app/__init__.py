"""Postmortem Studio core: the document, its store, diagrams, meeting clock, reports and CLI.

Nothing in this package imports Qt, so every feature can run and be tested without a display.
"""

__version__ = "0.1.0"
