"""5 Whys and Ishikawa diagrams: networkx graphs, their edits and their layouts (no Qt).

``graph`` (the trees), ``ops`` (checked edits, with ``can_move`` the one drop rule), ``changes``
(undoable edits), ``layout`` with ``whys_layout`` / ``ishikawa_layout`` (boxes and lines as plain
data), ``document_layout.layout_for`` (the one way from a document to a layout) and
``svg_export``. On screen, ``ui.diagrams`` mirrors it: ``canvas`` and ``items`` paint a layout,
``feature`` adds the tabs and menu entries, ``export`` rasterises the PNG; the PDF report paints
the same layouts in ``app.report.diagrams``.
"""
