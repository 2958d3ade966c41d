"""The interface language: Qt translators for our strings and Qt's own (dialog buttons…).

The language follows the preferences ("system" = the system locale) and can be switched while
the app runs: widgets then receive ``QEvent.LanguageChange``. Compiled ``.qm`` files live in
resources/translations beside their ``.ts`` sources.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource

SUPPORTED = ("en", "fr")
CATALOGUE = "postmortem_studio"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The system locale's language if we have it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in SUPPORTED else "en"


def resolve(choice: str) -> str:
    return (
        system_language() if choice in ("", "system") else (choice if choice in SUPPORTED else "en")
    )


def catalogue_path(language: str) -> str:
    return str(resource("translations", f"{CATALOGUE}_{language}.qm"))


def install_language(choice: str) -> str:
    """Install the translators for ``choice`` ("system", "en", "fr"); returns the language used."""
    application = QCoreApplication.instance()
    language = resolve(choice)
    if application is None:
        return language
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English)
    )
    if language == "en":
        return language
    ours = QTranslator(application)
    if ours.load(catalogue_path(language)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(application)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    return language


def current_language() -> str:
    return "fr" if _installed else "en"
