"""What an import did, in sentences a user reads before accepting the new postmortem."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    """What the import did, shown before the postmortem is created (GUI) or on stderr (CLI)."""

    source: str = ""
    mapped: list[str] = field(default_factory=list)
    kept_aside: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: str = ""  # the full text of what was kept aside, by section (never in the document)

    def summary(self) -> str:
        lines = [f"Imported {self.source}: {len(self.mapped)} parts mapped, "
                 f"{len(self.kept_aside)} kept aside, {len(self.warnings)} warnings."]  # fmt: skip
        lines += [f"  mapped: {entry}" for entry in self.mapped]
        lines += [f"  kept aside: {entry}" for entry in self.kept_aside]
        lines += [f"  warning: {entry}" for entry in self.warnings]
        if self.notes:
            lines += ["  text kept aside, as written:"]
            lines += [f"    {line}" if line else "" for line in self.notes.split("\n")]
        return "\n".join(lines)
