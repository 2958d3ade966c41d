"""The state an import builds up, and the small helpers every section reader uses."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from datetime import timedelta, tzinfo

from app.formats import ImportOptions, ImportReport
from app.markdown.dates import DateContext
from app.markdown.fields import reflow, strip_inline
from app.markdown.fishbone import FishboneBuilder
from app.markdown.parse import Block, Code, Heading, ListBlock, Paragraph
from app.markdown.sections import fold
from app.markdown.whys import WhysDraft, WhyStep
from app.model import Annex, Postmortem
from app.timezones import find_zone, zone_name
from app.vocabulary import Marker

_ZONE_STATEMENT = re.compile(
    r"\b(times?|heures?|horaires?|fuseau|time ?zone|zone)\b.*\b(are|is|in|en|sont|est|de|utc|gmt)\b"
    r"|\b(all|toutes) (times|les heures)\b"
)


@dataclass
class Section:
    """A heading and its blocks; ``title`` is the top-level heading, ``sub`` the sub-heading."""

    kind: str | None
    title: str
    sub: str
    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)
    #: the kind a narrative section's mark states (``narrative_mark``); None: no mark
    marked: str | None = None


@dataclass
class PendingTime:
    """A timeline row read before the incident date is known: placed at the end of the import."""

    text: str
    event: str
    actor: str
    notes: str
    marker: Marker | None
    source: str
    zone_hint: str
    day_text: str = ""  # a date column, a date heading or a date line above the row


class ImportState:
    """Document being built, report, date context and what was kept aside."""

    def __init__(self, text: str, name: str, options: ImportOptions) -> None:
        self.name = name
        self.options = options
        self.text = text
        self.lines = text.split("\n")
        self.doc = Postmortem()
        self.report = ImportReport(source=name)
        self.kept: dict[str, list[str]] = {}
        self.annexes: dict[str, Annex] = {}
        self.context = DateContext()
        self.whys = WhysDraft()
        self.fishbone: FishboneBuilder | None = None
        self.pending: list[PendingTime] = []
        self.explicit_markers = False
        self.header_times = False
        self.current_step: WhyStep | None = None
        self.status_words: set[str] = set()
        self.date_unknown = False
        self.stated_duration: timedelta | None = None

    # -- helpers ---------------------------------------------------------------------------

    def raw(self, block: Block) -> str:
        return "\n".join(self.lines[block.start : block.end])

    def _zone_statement(self, line: str) -> bool:
        """``All times are PT.``, ``Times in UTC``, ``Heures en heure de Paris``: the zone."""
        if not _ZONE_STATEMENT.search(fold(line)):
            return False
        found = find_zone(line)
        if found is None:
            return False
        self._set_zone(found[0])
        self.report.mapped.append(f"'{strip_inline(line)}' → time zone {self.doc.timezone}")
        return True

    def _set_zone(self, zone: tzinfo) -> None:
        self.doc.timezone = zone_name(zone)
        self.context.zone = zone

    def markdown(self, block: Block) -> str:
        """The block as Markdown, as written: paragraphs reflowed, code byte for byte."""
        lines = self.lines[block.start : block.end]
        if isinstance(block, Paragraph):
            return reflow("\n".join(lines))
        if isinstance(block, Code):
            return "\n".join(lines).strip("\n")
        return textwrap.dedent("\n".join(lines)).strip("\n")

    def keep(self, where: str, text: str, why: str = "") -> None:
        if not text.strip():
            return
        self.kept.setdefault(where, []).append(text.strip("\n"))
        first = text.strip().split("\n")[0]
        first = first if len(first) <= 70 else first[:69] + "…"
        self.report.kept_aside.append(f"{where}: {first}" + (f" ({why})" if why else ""))

    def _label(self, section: Section) -> str:
        return section.title + (f" › {section.sub}" if section.sub else "")

    def _lines_of(self, block: Block) -> list[str]:
        if isinstance(block, Paragraph | Code):
            return [line for line in block.text.split("\n") if line.strip()]
        if isinstance(block, ListBlock):
            return [item.text for item in block.items]
        return []

    def _note_header(self, where: str, header: list[str]) -> None:
        self.report.mapped.append(f"{where}: table columns {' | '.join(header)}")
