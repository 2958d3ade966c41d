"""The sections of a postmortem as every rendering shows them: one order, one title id each,
one rule for when a section has nothing to show.

The PDF report, the Markdown export and the app's document view walk ``SECTIONS`` in this
order and ask ``filled`` whether to write a section; each renders a section its own way
(a table in the PDF, a Markdown table, HTML) but none decides the order or emptiness alone. A
renderer may leave a section to another place (the PDF prints the participants on its cover,
the Markdown export keeps the derived times in its header lines). Titles come from
``title(section, language)``; the Markdown export keeps the template's own headings (the
importer reads them back) and names them by the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.model import Postmortem

# the sections are the vocabulary's: one list of ids, titled in app.vocabulary
from app.vocabulary import Section as SectionId

__all__ = [
    "BY_ID",
    "SECTIONS",
    "UNLISTED",
    "Section",
    "SectionId",
    "diagram_filled",
    "filled",
    "not_covered_line",
    "order",
    "shown",
    "title",
]


@dataclass(frozen=True)
class Section:
    id: SectionId
    #: 1 for a section, 2 for a part of the section before it
    level: int
    #: True when the document has something to show in it
    has_content: Callable[[Postmortem], bool]


def diagram_filled(doc: Postmortem, kind: str) -> bool:
    """True when the diagram holds more than its empty starting nodes."""
    graph = doc.whys if kind == "whys" else doc.ishikawa
    written = [n for n, data in graph.nodes(data=True) if str(data.get("text", "")).strip()]
    if kind == "whys":
        return len(graph) > 1 or bool(written)
    return any(data.get("role") == "cause" for _, data in graph.nodes(data=True)) or any(
        graph.nodes[n].get("role") == "effect" for n in written
    )


def _derived(doc: Postmortem) -> bool:
    from app.derived import derived_times

    times = derived_times(doc)
    return any(
        value is not None
        for value in (
            times.duration,
            times.time_to_detect,
            times.time_to_acknowledge,
            times.time_to_mitigate,
            times.time_to_resolve,
        )
    )


def _any(items: list[str]) -> bool:
    return any(item.strip() for item in items)


SECTIONS: tuple[Section, ...] = (
    Section(SectionId.SUMMARY, 1, lambda doc: bool(doc.summary.strip())),
    Section(
        SectionId.NARRATIVE,
        1,
        lambda doc: any(n.kind != "impact" and n.text.strip() for n in doc.narrative),
    ),
    Section(
        SectionId.IMPACT,
        1,
        lambda doc: (
            bool(doc.impact) or any(n.kind == "impact" and n.text.strip() for n in doc.narrative)
        ),
    ),
    Section(SectionId.SERVICES, 2, lambda doc: bool(doc.services)),
    Section(SectionId.PARTICIPANTS, 1, lambda doc: bool(doc.participants)),
    Section(SectionId.DERIVED, 1, _derived),
    Section(SectionId.TIMELINE, 1, lambda doc: bool(doc.timeline)),
    Section(
        SectionId.ANALYSIS,
        1,
        lambda doc: diagram_filled(doc, "whys") or diagram_filled(doc, "ishikawa"),
    ),
    Section(SectionId.WHYS, 2, lambda doc: diagram_filled(doc, "whys")),
    Section(SectionId.ISHIKAWA, 2, lambda doc: diagram_filled(doc, "ishikawa")),
    Section(SectionId.ROOT_CAUSE, 1, lambda doc: bool(doc.root_cause.strip())),
    Section(SectionId.CONTRIBUTING, 2, lambda doc: _any(doc.contributing_factors)),
    Section(SectionId.WENT_WELL, 1, lambda doc: _any(doc.went_well)),
    Section(SectionId.WENT_WRONG, 1, lambda doc: _any(doc.went_wrong)),
    Section(SectionId.LUCKY, 1, lambda doc: _any(doc.lucky)),
    Section(SectionId.ACTIONS, 1, lambda doc: bool(doc.actions)),
    Section(SectionId.LESSONS, 1, lambda doc: _any([lesson.text for lesson in doc.lessons])),
    Section(SectionId.COMMUNICATIONS, 1, lambda doc: bool(doc.communications)),
    Section(SectionId.PARKING_LOT, 1, lambda doc: _any(doc.parking_lot)),
    Section(
        SectionId.ANNEXES,
        1,
        lambda doc: any(a.title.strip() or a.content.strip() for a in doc.annexes),
    ),
    Section(SectionId.ACKNOWLEDGEMENTS, 1, lambda doc: bool(doc.acknowledgements.strip())),
)
BY_ID = {section.id: section for section in SECTIONS}
#: sections never listed as "not covered" when empty (optional, or a heading for others)
UNLISTED = frozenset({SectionId.NARRATIVE, SectionId.ANALYSIS, SectionId.PARKING_LOT})


def filled(doc: Postmortem, section: SectionId) -> bool:
    """True when ``doc`` has something to show in ``section``."""
    return BY_ID[section].has_content(doc)


def shown(doc: Postmortem) -> Iterator[Section]:
    """The sections ``doc`` has something in, in order."""
    return (section for section in SECTIONS if section.has_content(doc))


def order(section: SectionId) -> int:
    """The section's place in every rendering."""
    return SECTIONS.index(BY_ID[section])


def title(section: SectionId, language: str) -> str:
    """The section's title in ``language`` (English when unknown); the narrative has none of
    its own (each part is titled by the team)."""
    from app.report.labels import Labels

    return "" if section == SectionId.NARRATIVE else Labels(language)[section.value]


def not_covered_line(titles: list[str], language: str) -> str:
    """ "Not covered: Impact, Timeline." — the sections left out for being empty, named once."""
    from app.report.labels import Labels

    if not titles:
        return ""
    colon = " : " if language == "fr" else ": "
    return f"{Labels(language)['not_covered']}{colon}{', '.join(titles)}."
