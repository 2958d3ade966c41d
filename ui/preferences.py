"""Preferences (QSettings): defaults for new postmortems, the author, the look, the language.

``Preferences`` reads and writes one QSettings store; the application uses the per-user one,
tests pass a temporary INI file. Other parts of the app read the values through
``current_preferences()`` (severity scale, Ishikawa categories, meeting agenda, author).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.diagrams.graph import SEED_CATEGORIES_EN, SEED_CATEGORIES_FR
from app.severity import DEFAULT_SCALE

THEMES = ("light", "dark", "high_contrast")


@dataclass(frozen=True)
class SeverityChoice:
    code: str
    description: str


class Preferences:
    """Typed access to the settings store."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()

    @classmethod
    def from_file(cls, path: Path) -> Preferences:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _text(self, key: str, default: str) -> str:
        value = self.settings.value(key, default)
        return default if value is None else str(value)

    def _lines(self, key: str, default: list[str]) -> list[str]:
        raw = self.settings.value(key)
        if raw is None:
            return list(default)
        if isinstance(raw, str):
            raw = raw.split("\n")
        return [str(line).strip() for line in raw if str(line).strip()]

    # -- values --------------------------------------------------------------------------------

    @property
    def author_name(self) -> str:
        return self._text("author/name", "")

    @author_name.setter
    def author_name(self, value: str) -> None:
        self.settings.setValue("author/name", value)

    @property
    def author_title(self) -> str:
        return self._text("author/title", "")

    @author_title.setter
    def author_title(self, value: str) -> None:
        self.settings.setValue("author/title", value)

    @property
    def theme(self) -> str:
        value = self._text("appearance/theme", "light")
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self.settings.setValue("appearance/theme", value)

    @property
    def ui_language(self) -> str:
        """ "system", "en" or "fr"."""
        return self._text("appearance/language", "system")

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.settings.setValue("appearance/language", value)

    @property
    def report_language(self) -> str:
        return self._text("defaults/report_language", "en")

    @report_language.setter
    def report_language(self, value: str) -> None:
        self.settings.setValue("defaults/report_language", value)

    @staticmethod
    def _french() -> bool:
        from ui.i18n import current_language

        return current_language() == "fr"

    @property
    def severity_lines(self) -> list[str]:
        default = [
            f"{level.code} | {level.description_fr if self._french() else level.description_en}"
            for level in DEFAULT_SCALE
        ]
        return self._lines("defaults/severity_scale", default)

    @severity_lines.setter
    def severity_lines(self, lines: list[str]) -> None:
        self.settings.setValue("defaults/severity_scale", "\n".join(lines))

    def severity_scale(self, language: str = "en") -> list[SeverityChoice]:
        """The scale offered in the editor; descriptions of the seed scale follow ``language``."""
        seed = {level.code: level for level in DEFAULT_SCALE}
        scale = []
        for line in self.severity_lines:
            code, _, description = line.partition("|")
            code, description = code.strip(), description.strip()
            level = seed.get(code)
            if level is not None and description in (level.description_en, level.description_fr):
                description = level.description_fr if language == "fr" else level.description_en
            scale.append(SeverityChoice(code, description))
        return scale

    @property
    def categories(self) -> list[str]:
        seed = SEED_CATEGORIES_FR if self._french() else SEED_CATEGORIES_EN
        return self._lines("defaults/categories", list(seed))

    @categories.setter
    def categories(self, lines: list[str]) -> None:
        self.settings.setValue("defaults/categories", "\n".join(lines))

    @property
    def agenda_template(self) -> str:
        """Name of the meeting agenda template offered first ('' = the one-hour template)."""
        return str(self.settings.value("defaults/agenda_template", "") or "")

    @agenda_template.setter
    def agenda_template(self, name: str) -> None:
        self.settings.setValue("defaults/agenda_template", name)

    def sync(self) -> None:
        self.settings.sync()


_current: Preferences | None = None


def current_preferences() -> Preferences:
    global _current  # noqa: PLW0603 - one settings store per process
    if _current is None:
        _current = Preferences()
    return _current


def use_preferences(preferences: Preferences | None) -> None:
    """Replace the process-wide preferences (tests use a temporary INI file)."""
    global _current  # noqa: PLW0603
    _current = preferences


def apply_theme(theme: str, application: QApplication | None = None) -> None:
    """Light (the platform's), dark, or high contrast (black on white, thick focus)."""
    app = application or QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme == "light":
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")
        return
    palette = QPalette()
    if theme == "dark":
        colours = {
            QPalette.ColorRole.Window: "#2b2b2b",
            QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#1e1e1e",
            QPalette.ColorRole.AlternateBase: "#2a2a2a",
            QPalette.ColorRole.Text: "#e6e6e6",
            QPalette.ColorRole.Button: "#3a3a3a",
            QPalette.ColorRole.ButtonText: "#e6e6e6",
            QPalette.ColorRole.Highlight: "#3d6ea8",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#3a3a3a",
            QPalette.ColorRole.ToolTipText: "#e6e6e6",
            QPalette.ColorRole.PlaceholderText: "#9a9a9a",
            QPalette.ColorRole.Link: "#8ab4f8",
        }
        style = ""
    else:
        colours = {
            QPalette.ColorRole.Window: "#ffffff",
            QPalette.ColorRole.WindowText: "#000000",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f0f0f0",
            QPalette.ColorRole.Text: "#000000",
            QPalette.ColorRole.Button: "#ffffff",
            QPalette.ColorRole.ButtonText: "#000000",
            QPalette.ColorRole.Highlight: "#000080",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#ffffe0",
            QPalette.ColorRole.ToolTipText: "#000000",
            QPalette.ColorRole.PlaceholderText: "#333333",
            QPalette.ColorRole.Link: "#0000cc",
        }
        style = "*:focus { outline: 3px solid #000080; } QWidget { font-size: 11pt; }"
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(style)


def _agenda_names(parent: QWidget | None) -> list[str]:
    """The meeting templates: built-in ones in the interface language, then the saved ones."""
    from app.meeting.agenda import all_templates, builtin_templates

    language = "fr" if current_preferences().ui_language.startswith("fr") else "en"
    store = getattr(parent.window(), "store", None) if parent is not None else None
    agendas = all_templates(store, language) if store is not None else builtin_templates(language)
    return [agenda.name for agenda in agendas]


class PreferencesDialog(QDialog):
    """Edit the preferences; ``changed`` fires after OK with the new values saved."""

    changed = Signal()

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.author_name = QLineEdit(preferences.author_name)
        self.author_title = QLineEdit(preferences.author_title)
        self.language = QComboBox()
        for label, code in (
            (self.tr("System language"), "system"),
            (self.tr("English"), "en"),
            (self.tr("French"), "fr"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.ui_language)))
        self.report_language = QComboBox()
        for label, code in ((self.tr("English"), "en"), (self.tr("French"), "fr")):
            self.report_language.addItem(label, code)
        self.report_language.setCurrentIndex(
            max(0, self.report_language.findData(preferences.report_language))
        )
        self.theme = QComboBox()
        for label, code in (
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
            (self.tr("High contrast (for sharing a screen)"), "high_contrast"),
        ):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
        self.severity = QPlainTextEdit("\n".join(preferences.severity_lines))
        self.severity.setToolTip(self.tr("One level per line: code | description"))
        self.categories = QPlainTextEdit("\n".join(preferences.categories))
        self.agenda = QComboBox()
        self.agenda.setObjectName("defaultAgenda")
        self.agenda.addItems(_agenda_names(parent))
        self.agenda.setCurrentIndex(max(0, self.agenda.findText(preferences.agenda_template)))
        for box in (self.severity, self.categories):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Author name"), self.author_name)
        form.addRow(self.tr("Author title"), self.author_title)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Report language"), self.report_language)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Severity scale\n(code | description)"), self.severity)
        form.addRow(self.tr("Ishikawa categories"), self.categories)
        form.addRow(self.tr("Meeting agenda"), self.agenda)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        general = QWidget()
        general.setLayout(form)
        from ui.trust_page import TrustListPage

        self.trust_page = TrustListPage(self)
        self.pages = QTabWidget()
        self.pages.setObjectName("preferencesPages")
        self.pages.addTab(general, self.tr("General"))
        self.pages.addTab(self.trust_page, self.tr("Trusted signers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(620, 660)

    def accept(self) -> None:
        if not self.trust_page.save():
            self.pages.setCurrentWidget(self.trust_page)
            return
        prefs = self.preferences
        prefs.author_name = self.author_name.text().strip()
        prefs.author_title = self.author_title.text().strip()
        prefs.ui_language = str(self.language.currentData())
        prefs.report_language = str(self.report_language.currentData())
        prefs.theme = str(self.theme.currentData())
        prefs.severity_lines = _lines(self.severity.toPlainText())
        prefs.categories = _lines(self.categories.toPlainText())
        prefs.agenda_template = self.agenda.currentText()
        prefs.sync()
        super().accept()
        self.changed.emit()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
