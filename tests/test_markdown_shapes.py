"""The shapes teams write times, whys, causes and actions in, one small document each."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.diagrams.graph import children
from app.markdown.importer import import_text

HEAD = "# Outage\n\n**Date:** 2026-03-02\n\n"


def _chain(doc: object) -> list[tuple[str, str]]:
    graph, node, found = doc.whys, "p", []  # type: ignore[attr-defined]
    while kids := children(graph, node):
        node = kids[0]
        found.append((graph.nodes[node]["text"], graph.nodes[node]["answer"]))
    return found


WHYS = [
    "Why did it fail? Because the disk filled.\nWhy did the disk fill? Because logs grew.\n",
    "Why did it fail?\nBecause the disk filled.\n\nWhy did the disk fill?\nBecause logs grew.\n",
    "| Why | Because |\n|---|---|\n| Why did it fail? | Because the disk filled. |\n"
    "| Why did the disk fill? | Because logs grew. |\n",
    "1. **Why did it fail?**\n   - Because the disk filled.\n"
    "2. **Why did the disk fill?**\n   - Because logs grew.\n",
    "### Why did it fail?\n\nBecause the disk filled.\n\n"
    "### Why did the disk fill?\n\nBecause logs grew.\n",
]


@pytest.mark.parametrize("body", WHYS, ids=["one-line", "lines", "table", "list", "headings"])
def test_five_whys_shapes(body: str) -> None:
    doc, _ = import_text(HEAD + "## 5 Whys\n\n" + body)
    assert _chain(doc) == [
        ("Why did it fail?", "Because the disk filled."),
        ("Why did the disk fill?", "Because logs grew."),
    ]


def test_french_whys_one_line() -> None:
    doc, _ = import_text(
        HEAD + "## 5 Pourquoi\n\nPourquoi la panne ? Parce que le disque était plein.\n"
    )
    assert _chain(doc) == [("Pourquoi la panne ?", "Parce que le disque était plein.")]


FISHBONE = [
    "### Methods\n\n- no restore test\n\n### People\n\n- tired on-call\n",
    "**Methods**\n\n- no restore test\n\n**People**\n\n- tired on-call\n",
    "Methods\n\n- no restore test\n\nPeople\n\n- tired on-call\n",
    "- Methods: no restore test\n- People: tired on-call\n",
]


@pytest.mark.parametrize("body", FISHBONE, ids=["headings", "bold", "plain", "labels"])
def test_fishbone_categories(body: str) -> None:
    doc, _ = import_text(HEAD + "## Ishikawa\n\n**Effect:** data lost\n\n" + body)
    graph = doc.ishikawa
    found = {graph.nodes[c]["text"]: [graph.nodes[k]["text"] for k in children(graph, c)]
             for c in children(graph, "e")}  # fmt: skip
    assert graph.nodes["e"]["text"] == "data lost"
    assert found == {"Methods": ["no restore test"], "People": ["tired on-call"]}


def test_action_lists_keep_owner_status_and_leave_the_rest_unset() -> None:
    doc, _ = import_text(
        HEAD + "## Action items\n\n- [x] Revert the change (@alice)\n"
        "- [ ] Add a canary stage (owner: Release team) — Not started\n"
        "- Write the runbook (Bob Martin) — in progress\n"
        "- Review alerts (P1)\n"
    )
    assert [(a.action, a.owner, a.status.value) for a in doc.actions] == [
        ("Revert the change", "@alice", "done"),
        ("Add a canary stage", "Release team", "todo"),
        ("Write the runbook", "Bob Martin", "in_progress"),
        ("Review alerts", "", "todo"),
    ]
    assert [(a.priority, a.kind, a.horizon) for a in doc.actions[:3]] == [(None, None, None)] * 3
    assert doc.actions[3].priority == "P1"


def test_action_table_in_any_column_order() -> None:
    doc, _ = import_text(
        HEAD + "## Follow-ups\n\n| Status | Owner | Ticket | Task |\n|---|---|---|---|\n"
        "| Not started | ops | OPS-1 | Rotate keys |\n| Blocked | sec | SEC-2 | Audit |\n"
    )
    assert [(a.action, a.owner, a.status.value, a.ticket) for a in doc.actions] == [
        ("Rotate keys", "ops", "todo", "OPS-1"),
        ("Audit", "sec", "in_progress", "SEC-2"),
    ]


PARIS_WINTER = timezone(timedelta(hours=1))
PST = timezone(timedelta(hours=-8))
MINUS_4 = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("line", "expected", "rough"),
    [
        ("- 9:37 AM PST failover", datetime(2026, 3, 2, 9, 37, tzinfo=PST), False),
        ("- 1:54 PM failover", datetime(2026, 3, 2, 13, 54, tzinfo=PARIS_WINTER), False),
        ("- **13:42** — failover", datetime(2026, 3, 2, 13, 42, tzinfo=PARIS_WINTER), False),
        ("- ~10:15 failover", datetime(2026, 3, 2, 10, 15, tzinfo=PARIS_WINTER), True),
        ("- 09:30–10:15 failover", datetime(2026, 3, 2, 9, 30, tzinfo=PARIS_WINTER), True),
        ("- 14:00 UTC−4 failover", datetime(2026, 3, 2, 14, tzinfo=MINUS_4), False),
        ("- 03/03 01:10 failover", datetime(2026, 3, 3, 1, 10, tzinfo=PARIS_WINTER), False),
    ],
)  # fmt: skip
def test_timeline_times(line: str, expected: datetime, rough: bool) -> None:
    doc, _ = import_text(HEAD + "## Timeline (heure de Paris)\n\n" + line + "\n")
    (entry,) = doc.timeline
    assert (entry.at, entry.at.utcoffset(), entry.event, entry.approximate) == (
        expected,
        expected.utcoffset(),
        "failover",
        rough,
    )


def test_midnight_is_crossed_and_a_date_heading_carries() -> None:
    doc, _ = import_text(
        HEAD + "## Timeline (UTC)\n\n- 23:50 deploy\n- 00:10 errors\n\n### March 5\n\n- 08:00 fix\n"
    )
    assert [e.at.isoformat() for e in doc.timeline] == [
        "2026-03-02T23:50:00+00:00",
        "2026-03-03T00:10:00+00:00",
        "2026-03-05T08:00:00+00:00",
    ]


def test_window_from_start_and_duration_in_french() -> None:
    doc, report = import_text(
        "# Panne\n\n**Début** : 02/03/2026 10:00 (heure de Paris)\n**Durée** : 1 h 30\n\n"
        "## Chronologie\n\n- 09:00 préparation de la mise en production\n- 10:00 erreurs\n"
    )
    assert doc.started_at == datetime(2026, 3, 2, 10, tzinfo=PARIS_WINTER)
    assert doc.resolved_at == datetime(2026, 3, 2, 11, 30, tzinfo=PARIS_WINTER)
    assert doc.timezone == "Europe/Paris"
    assert any("start + stated duration" in line for line in report.mapped)
