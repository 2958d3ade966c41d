"""Postmortem Studio's Qt layer: windows, canvas, editors. The core lives in ``app``."""
