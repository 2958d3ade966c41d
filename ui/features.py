"""Features that plug into the main window, and the typed registry that holds them.

Each module named in ``FEATURES`` defines one feature class, named by its module-level
``FEATURE``; the class is built with the window (``Feature(window)``): it adds its menus and
actions and connects to ``window.document_opened`` / ``window.document_closed``. A feature that
shows document tabs also has ``add_pages()``, which adds them and returns them by outline key
(``"whys"``, ``"signoff"``…): the window calls it once, when it first builds its document area
(the first document opened), so start-up builds no page nobody looks at yet.

Code that needs a feature asks the registry by class, typed, and the feature is built on first
use if the window has not built it yet::

    window.features.get(TrackingFeature).show_tracker()
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TypeVar, cast, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

FEATURES: tuple[str, ...] = (
    "ui.diagrams.feature",
    "ui.tracking_feature",
    "ui.report_feature",
    "ui.markdown_feature",
    "ui.meeting_feature",
    "ui.maintenance_feature",
)

F = TypeVar("F")


@runtime_checkable
class AddsPages(Protocol):
    """A feature with document tabs, added when the window builds its document area."""

    def add_pages(self) -> dict[str, QWidget]: ...


class Features:
    """The window's features by class: ``get(TrackingFeature)`` builds it on first use."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[type, object] = {}

    def load(self, module: str) -> object:
        """The feature of ``module`` (its ``FEATURE`` class), built if it is not yet."""
        feature_class: type = importlib.import_module(module).FEATURE
        return self.get(feature_class)

    def get(self, feature_class: type[F]) -> F:
        built = self._built.get(feature_class)
        if built is None:
            built = feature_class(self._window)  # type: ignore[call-arg]
            self._built[feature_class] = built
            if isinstance(built, AddsPages):
                self._window.feature_pages_ready(built)
        return cast(F, built)

    def find(self, feature_class: type[F]) -> F | None:
        """The feature if it is built, without building it."""
        return cast("F | None", self._built.get(feature_class))

    def with_pages(self) -> list[AddsPages]:
        """The built features that have document tabs, in the order they were built."""
        return [feature for feature in self._built.values() if isinstance(feature, AddsPages)]
