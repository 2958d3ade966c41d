"""The PDF report: print-quality layout of a postmortem (reportlab, no Qt).

``render_pdf`` builds the bytes; ``export_pdf`` writes them atomically (and signs them when the
report is approved and a signer is given). reportlab is imported lazily by the modules below.
"""
