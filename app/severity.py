"""The severity scale: configurable, P0–P3 of the incident-response playbook by default."""

from __future__ import annotations

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
