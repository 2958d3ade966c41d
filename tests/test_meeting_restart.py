"""Kill the app in the middle of a running step; the meeting comes back where it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.meeting.clock import SystemClock
from app.meeting.meeting import Meeting
from app.model import Postmortem
from app.session import DocumentSession
from app.store import Store

CHILD = """
import json, sys
from app.meeting.agenda import builtin_templates
from app.meeting.capture import action, timeline_entry, why
from app.meeting.clock import SystemClock
from app.meeting.meeting import Meeting
from app.session import DocumentSession
from app.store import Store

store = Store(sys.argv[1])
session = DocumentSession.open(store, sys.argv[2])
meeting = Meeting.plan(session, builtin_templates("en")[0], SystemClock())
meeting.start()
meeting.next()
session.apply(timeline_entry(session.doc, "10:15", "Alert fired during the meeting"))
session.apply(why("Why did the pool saturate?", "50k queries"))
session.apply(action("Add a lint rule", "@dev-1", "2026-01-20"))
meeting.set_note("private")
print(json.dumps({"segment": meeting.timer.segment.mono_ms}), flush=True)
sys.stdin.read()  # keep running until killed
"""


def test_sigkill_during_a_running_step(db_path: Path, store: Store, demo: Postmortem) -> None:
    root = Path(__file__).resolve().parent.parent
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), demo.id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line, "the meeting process did not start"
            segment_start = json.loads(line)["segment"]
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
    assert child.returncode == -signal.SIGKILL

    with Store(db_path) as reopened:
        session = DocumentSession.open(reopened, demo.id)
        clock = SystemClock()
        meeting = Meeting.restore(session, clock)
        assert meeting is not None
        expected = clock.monotonic_ms() - segment_start
        elapsed = meeting.timer.step_elapsed_ms()
        assert meeting.timer.current == 1 and meeting.timer.running
        assert abs(elapsed - expected) <= 2  # clock resolution: 1 ms, read twice
        assert meeting.step().title == "Timeline review"
        assert meeting.notes == {1: "private"}
        doc = session.doc
        assert doc.timeline[-1].event == "Alert fired during the meeting"
        assert doc.actions[-1].owner == "@dev-1"
        assert any(
            data["text"] == "Why did the pool saturate?" for _n, data in doc.whys.nodes(data=True)
        )
        assert doc.meeting_agenda[0].ended_at == doc.meeting_agenda[1].started_at
