"""The state an import builds up, and the small helpers every section reader uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.markdown.dates import DateContext
from app.markdown.fishbone import FishboneBuilder
from app.markdown.parse import Block, Code, Heading, ListBlock, Paragraph
from app.markdown.report import ImportReport
from app.markdown.whys import WhysDraft, WhyStep
from app.model import Annex, Postmortem
from app.vocabulary import Marker


@dataclass
class Section:
    """A heading and its blocks; ``title`` is the top-level heading, ``sub`` the sub-heading."""

    kind: str | None
    title: str
    sub: str
    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)


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


class ImportState:
    """Document being built, report, date context and what was kept aside."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
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

    # -- helpers ---------------------------------------------------------------------------

    def raw(self, block: Block) -> str:
        return "\n".join(self.lines[block.start : block.end])

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
