"""The severity scale: configurable, P0–P3 of the incident-response playbook by default."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import ValidationError


@dataclass(frozen=True)
class SeverityLevel:
    code: str
    name_en: str
    name_fr: str
    description_en: str
    description_fr: str
    response_time: str
    examples_en: str
    examples_fr: str


DEFAULT_SCALE: tuple[SeverityLevel, ...] = (
    SeverityLevel(
        "P0",
        "Critical",
        "Critique",
        "Service completely down",
        "Service complètement down",
        "< 15 min",
        "Site unreachable, data loss",
        "Site inaccessible, perte de données",
    ),
    SeverityLevel(
        "P1",
        "Major",
        "Majeur",
        "Severe degradation",
        "Dégradation sévère",
        "< 30 min",
        "Latency > 2 s, errors > 10%",
        "Latence > 2 s, erreurs > 10 %",
    ),
    SeverityLevel(
        "P2",
        "Moderate",
        "Modéré",
        "Limited impact",
        "Impact limité",
        "< 2 h",
        "Non-critical feature down",
        "Feature non critique down",
    ),
    SeverityLevel(
        "P3",
        "Minor",
        "Mineur",
        "Little impact",
        "Peu d'impact",
        "< 24 h",
        "UI bugs, degraded performance",
        "UI bugs, performances dégradées",
    ),
)


def scale_codes(scale: tuple[SeverityLevel, ...] = DEFAULT_SCALE) -> list[str]:
    return [level.code for level in scale]


def find_level(code: str, scale: tuple[SeverityLevel, ...] = DEFAULT_SCALE) -> SeverityLevel:
    for level in scale:
        if level.code == code:
            return level
    raise ValidationError(
        f"severity: '{code}' is not on the scale ({', '.join(scale_codes(scale))})."
    )


#: severity words by rank on a scale (0 = the most severe level), French and English
_RANK_WORDS: dict[str, int] = {
    "critical": 0, "critique": 0, "blocker": 0, "bloquant": 0, "urgent": 0, "emergency": 0,
    "urgence": 0, "catastrophic": 0,
    "major": 1, "majeur": 1, "majeure": 1, "high": 1, "haute": 1, "severe": 1, "grave": 1,
    "elevee": 1,
    "moderate": 2, "modere": 2, "moderee": 2, "medium": 2, "moyenne": 2, "moyen": 2,
    "significant": 2,
    "minor": 3, "mineur": 3, "mineure": 3, "low": 3, "faible": 3, "basse": 3,
}  # fmt: skip
_NUMBERED = re.compile(r"(p|sev|s|severity|severite|niveau|level)?([0-9])")


def _words(text: str) -> list[str]:
    """Lower-case ASCII words: ``Sévérité SEV-2`` → ``['severite', 'sev', '2']``."""
    ascii_text = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore")
    return re.findall(r"[a-z]+|[0-9]+", ascii_text.decode("ascii"))


def _compact(code: str) -> str:
    return "".join(_words(code))


def severity_code(text: str, scale: Sequence[str]) -> str:
    """The code of ``scale`` (its codes, most severe first) a written severity means.

    ``SEV-2 (Service Degraded)`` is the scale's ``SEV2``; a number written with another prefix
    is the scale's code of that number (``Sev 1`` → ``P1``), else its rank (``P0`` → the first
    level of a ``SEV1``–``SEV4`` scale); a word (``critical``, ``majeur``, ``minor``…) is its
    rank on the scale. What matches nothing is kept as written.
    """
    value = text.strip()
    words = _words(value)
    if not words or not scale:
        return value
    codes = {_compact(code): code for code in scale}
    for size in (2, 1):  # "sev 2 (service degraded)": "sev2" first, then "sev"
        if "".join(words[:size]) in codes:
            return codes["".join(words[:size])]
    head = "".join(words[:2]) if len(words) > 1 and words[1].isdigit() else words[0]
    numbered = _NUMBERED.fullmatch(head)
    if numbered:
        number = int(numbered.group(2))
        for code in scale:
            digits = [word for word in _words(code) if word.isdigit()]
            if digits and int(digits[0]) == number:
                return code
        rank = number - (0 if numbered.group(1) == "p" else 1)
        if 0 <= rank < len(scale):
            return scale[rank]
        return value
    by_word = _RANK_WORDS.get(words[0])
    if by_word is not None and by_word < len(scale):
        return scale[by_word]
    return value
