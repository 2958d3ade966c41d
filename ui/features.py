"""Feature modules that plug into the main window.

Each module named here has ``install(window: MainWindow) -> None``: it adds its menus, actions,
document tabs or pages, and connects to ``window.document_opened`` / ``window.document_closed``.
Keeping them apart lets the main window stay a small shell.
"""

FEATURES: tuple[str, ...] = (
    "ui.diagrams.feature",
    "ui.tracking_feature",
    "ui.report_feature",
    "ui.markdown_feature",
    "ui.meeting_feature",
    "ui.maintenance_feature",
)
