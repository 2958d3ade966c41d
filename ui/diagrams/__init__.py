"""The diagrams on screen, mirroring ``app/diagrams``: the canvas, its items, the tabs and menu
entries (``feature``), and the PNG export drawn with the canvas's own items (``export``)."""
