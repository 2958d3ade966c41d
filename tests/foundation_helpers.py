"""Shared helpers for the foundation tests: running the CLI, hostile text, database snapshots."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from app.cli import main as cli_main
from app.diagrams.graph import new_ishikawa, new_whys
from app.model import (
    Action,
    AgendaStepRecord,
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    Participant,
    Postmortem,
    Service,
    SignOff,
    TimelineEntry,
)
from app.store import Store
from app.vocabulary import (
    ActionStatus,
    AnnexKind,
    Audience,
    Marker,
    ServiceState,
    Status,
)

PROJECT = Path(__file__).resolve().parent.parent
VENV_BIN = PROJECT / ".venv" / "bin"
CONSOLE_SCRIPT = VENV_BIN / "postmortem-studio"
PYTHON = Path(sys.executable)

MARKUP = "<b>gras</b> <script>alert('x')</script> & &amp; &lt; \"quotes\" 'single' \\back"
EMOJI = (
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 family (ZWJ) · "
    "\U0001f3f3\ufe0f\u200d\U0001f308 rainbow · \U0001f1eb\U0001f1f7\U0001f1ef\U0001f1f5 flags · "
    "\U0001f44d\U0001f3fd tone · 🔥"
)
RTL = (
    "العربية: انقطاع الخدمة — עברית: תקלה בשירות — "
    "mixed \u200fRLM\u200e LRM \u202eoverride\u202c \u2067isolate\u2069"
)
TRICKY = "e\u0301 composed vs é · ZWJ\u200d · NBSP\u00a0 · tab\there · CRLF\r\nline · \u2028sep"
ONE_MB = ("0123456789abcdéf" * 70_000)[: 1024 * 1024]
HOSTILE_TEXTS = (MARKUP, EMOJI, RTL, TRICKY)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str | Path) -> CliResult:
    """Run the CLI in this process (fast); argparse usage errors count as exit code 2."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main([str(arg) for arg in args])
        except SystemExit as stop:
            code = int(stop.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())


def run_console(*args: str | Path, **kwargs: Any) -> CliResult:
    """Run the real installed ``postmortem-studio`` console script in a subprocess."""
    env = dict(os.environ)
    env.update(kwargs.pop("env", {}))
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
        **kwargs,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def assert_one_line_error(result: CliResult, *fragments: str) -> None:
    """A failure a user sees: non-zero exit, one line on stderr, no traceback."""
    assert result.code != 0, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert lines[0].startswith("postmortem-studio: error: "), lines[0]
    without_paths = without_file_paths(lines[0])
    for fragment in fragments:
        assert fragment.lower() in without_paths.lower(), (fragment, lines[0])


def without_file_paths(message: str) -> str:
    """The message with absolute paths blanked, so a fragment cannot match a folder's name."""
    return re.sub(r"/[^\s:;,()']+", "<path>", message)


def database_files(path: Path) -> dict[str, bytes | None]:
    """The bytes of the database and of its WAL companions (None when absent)."""
    files: dict[str, bytes | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        files[suffix or "db"] = candidate.read_bytes() if candidate.exists() else None
    return files


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store(path) as store:
        return store.dump()


def hostile_document(*, big_field: bool = True) -> Postmortem:
    """A document whose every text field holds markup, emoji, right-to-left script and more."""
    paris = timezone(timedelta(hours=1))
    kolkata = timezone(timedelta(hours=5, minutes=30))
    start = datetime(2026, 3, 29, 1, 59, 59, 123456, tzinfo=paris)
    whys = new_whys(MARKUP)
    whys.add_node("w1", text=EMOJI, answer=RTL, role="why", root_cause=False, order=0)
    whys.add_node("w2", text=TRICKY, answer=MARKUP, role="why", root_cause=True, order=1)
    whys.add_edge("p", "w1")
    whys.add_edge("w1", "w2")
    fish = new_ishikawa(RTL, ("Personnes", EMOJI, MARKUP))
    fish.add_node("k1", text=TRICKY, answer="", role="cause", root_cause=True, order=0)
    fish.add_edge("c2", "k1")
    return Postmortem(
        id="hostile-1",
        title=f"{MARKUP} {EMOJI}",
        incident_date=date(2026, 3, 29),
        started_at=start,
        detected_at=start.astimezone(kolkata) + timedelta(seconds=20),
        mitigated_at=start.astimezone(UTC) + timedelta(minutes=10),
        resolved_at=start + timedelta(minutes=12),
        severity="P0",
        status=Status.IN_REVIEW,
        author=RTL,
        reviewers=[EMOJI, RTL, ""],
        participants=[Participant(name=RTL, role=MARKUP), Participant(name=EMOJI)],
        postmortem_date=date(2026, 4, 1),
        services=[
            Service(name=MARKUP, state=ServiceState.DOWN),
            Service(name=RTL, state=ServiceState.DEGRADED),
        ],
        tags=[EMOJI, RTL, "déploiement"],
        timezone="Asia/Kolkata",
        language="fr",
        summary=ONE_MB if big_field else TRICKY,
        impact=[ImpactRow(metric=MARKUP, value=EMOJI, target=RTL)],
        timeline=[
            TimelineEntry(at=start, event=MARKUP, actor=RTL, marker=Marker.STARTED, id="t_1"),
            TimelineEntry(
                at=start.astimezone(kolkata) + timedelta(seconds=20),
                event=EMOJI,
                actor=TRICKY,
                notes=RTL,
                marker=Marker.DETECTED,
            ),
        ],
        whys=whys,
        ishikawa=fish,
        root_cause=RTL,
        contributing_factors=[MARKUP, EMOJI],
        went_well=[RTL],
        went_wrong=[TRICKY],
        lucky=[EMOJI],
        actions=[
            Action(
                action=MARKUP,
                owner=RTL,
                due=date(2026, 4, 30),
                status=ActionStatus.NOT_DOING,
                status_reason=EMOJI,
                ticket="<JIRA-1&2>",
                causes=["whys:w2", "ishikawa:k1"],
            )
        ],
        lessons=[Lesson(audience=RTL, text=EMOJI)],
        communications=[
            Communication(audience=Audience.EXTERNAL, text=MARKUP, channel=RTL, at=start)
        ],
        annexes=[Annex(title=EMOJI, kind=AnnexKind.LOG, content=TRICKY)],
        acknowledgements=MARKUP,
        blameless_note=RTL,
        signoffs=[SignOff(role="Auteur", name=RTL, title=EMOJI, signed_at=start, digest="ab")],
        meeting_agenda=[
            AgendaStepRecord(title=RTL, planned_seconds=300, started_at=start, spent_seconds=12.5)
        ],
        parking_lot=[MARKUP, ""],
        revision=3,
    )
