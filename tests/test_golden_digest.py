"""Frozen bytes: the JSON of real documents and their content digests never change.

An approved postmortem is signed over its content digest, and a JSON export is promised to
re-import byte for byte; so however the format is written or read, these documents must give
the very same bytes and digests as when they were frozen. The expected values below were
computed once and are never to be updated: a difference is a broken promise, not a new value.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.demo import DEMO_FILE
from app.diagrams.graph import new_ishikawa, new_whys
from app.jsonio import content_digest, document_from_json, document_to_json
from app.model import (
    Action,
    AgendaStepRecord,
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    NarrativeSection,
    Participant,
    Postmortem,
    Service,
    SignOff,
    TimelineEntry,
)
from app.vocabulary import (
    ActionKind,
    ActionStatus,
    AnnexKind,
    Attendance,
    Audience,
    Horizon,
    Marker,
    Priority,
    ServiceState,
    Status,
)

PARIS = timezone(timedelta(hours=1))
KOLKATA = timezone(timedelta(hours=5, minutes=30))
START = datetime(2026, 3, 29, 1, 59, 59, 123456, tzinfo=PARIS)
UNICODE = 'Résumé · 日本語 · עברית · 🔥 · e\u0301 · <b>&amp;</b> "q" \\ \u2028'


def _every_field_filled() -> Postmortem:
    """Every optional field set, unicode everywhere, approximate times, narrative sections,
    parking lot and sign-offs carrying certificates and signatures."""
    whys = new_whys(f"Checkout failed {UNICODE}")
    whys.add_node("w1", text="Why 1 ❓", answer="Pool exhausted", role="why", root_cause=False,
                  order=0)  # fmt: skip
    whys.add_node("w2", text="Why 2", answer=UNICODE, role="why", root_cause=True, order=1)
    whys.add_edge("p", "w1")
    whys.add_edge("w1", "w2")
    fish = new_ishikawa("Outage", ("Personnes", "Méthodes", "Machines"))
    fish.add_node("k1", text="No canary", answer="", role="cause", root_cause=True, order=0)
    fish.add_edge("c2", "k1")
    return Postmortem(
        id="golden-full",
        title=f"Panne du paiement {UNICODE}",
        incident_date=date(2026, 3, 29),
        started_at=START,
        detected_at=START.astimezone(KOLKATA) + timedelta(seconds=20),
        mitigated_at=START.astimezone(UTC) + timedelta(minutes=10),
        resolved_at=START + timedelta(minutes=42),
        severity="P1",
        status=Status.APPROVED,
        author="Élodie Martin",
        reviewers=["Ana", "Bo 🐝", ""],
        participants=[
            Participant(name="Élodie", role="Incident commander", attendance=Attendance.PRESENT),
            Participant(name="Sam", role="SRE", attendance=Attendance.ABSENT),
            Participant(name="Kim"),
        ],
        postmortem_date=date(2026, 4, 2),
        services=[
            Service(name="payments", state=ServiceState.DOWN),
            Service(name="search", state=ServiceState.DEGRADED),
            Service(name="auth"),
        ],
        tags=["paiement", "🔥", "db"],
        timezone="Europe/Paris",
        language="fr",
        summary=f"Une **panne** de 42 minutes.\n\n{UNICODE}",
        impact=[
            ImpactRow(metric="Orders lost", value="≈ 1 200", target="0"),
            ImpactRow(metric="Durée"),
        ],
        timeline=[
            TimelineEntry(
                at=START, event="Deploy", actor="CI", notes="v2", marker=Marker.STARTED, id="t1"
            ),
            TimelineEntry(
                at=START + timedelta(minutes=5),
                event="Alerte ~",
                actor="PagerDuty",
                marker=Marker.DETECTED,
                id="t2",
                approximate=True,
                as_written="vers 3 h 05",
            ),
            TimelineEntry(at=START + timedelta(minutes=7), event="Ack", id="t3", approximate=True),
            TimelineEntry(
                at=START + timedelta(minutes=9), event=UNICODE, id="t4", as_written="03:09"
            ),
        ],
        whys=whys,
        ishikawa=fish,
        root_cause="Connection pool too small",
        contributing_factors=["No canary", UNICODE],
        went_well=["Fast rollback"],
        went_wrong=["Paging was late"],
        lucky=["Low traffic"],
        actions=[
            Action(
                action="Add canary",
                owner="Sam",
                due=date(2026, 5, 1),
                priority=Priority.P0,
                status=ActionStatus.DONE,
                status_reason="",
                kind=ActionKind.DETECT,
                horizon=Horizon.LONG,
                ticket="OPS-1",
                causes=["whys:w2", "ishikawa:k1"],
                completed_on=date(2026, 4, 20),
                id="a1",
            ),
            Action(
                action="Pool size",
                priority=None,
                kind=None,
                horizon=None,
                status=ActionStatus.NOT_DOING,
                status_reason="Superseded",
                id="a2",
            ),
            Action(action=UNICODE, id="a3"),
        ],
        lessons=[Lesson(audience="SRE", text="Canary first"), Lesson(audience="", text="é")],
        communications=[
            Communication(audience=Audience.EXTERNAL, text="Status page", channel="web", at=START),
            Communication(audience=Audience.INTERNAL, text="Slack ping"),
        ],
        annexes=[
            Annex(title="Logs", kind=AnnexKind.LOG, content="ERROR pool\n"),
            Annex(title="Notes", content=UNICODE),
        ],
        acknowledgements="Merci à toutes et tous",
        blameless_note="Sans reproche.",
        signoffs=[
            SignOff(
                role="Auteur",
                name="Élodie",
                title="SRE lead",
                signed_at=START,
                digest="ab" * 32,
                certificate="MIIBszCCAVmgAwIBAgIU",
                fingerprint="cd" * 32,
                signature="c2lnbmF0dXJl",
                evidence="key",
            ),
            SignOff(
                role="Approver",
                name="Bo",
                signed_at=START + timedelta(days=1),
                digest="ab" * 32,
                certificate="MIIC",
                fingerprint="ef" * 32,
                evidence="pdf",
            ),
            SignOff(role="Reviewer", name="Kim"),
        ],
        meeting_agenda=[
            AgendaStepRecord(
                title="Timeline",
                planned_seconds=600,
                started_at=START,
                ended_at=START + timedelta(minutes=11),
                spent_seconds=660.25,
            ),
            AgendaStepRecord(title="5 Whys", planned_seconds=900),
        ],
        parking_lot=["Budget for replicas", "", UNICODE],
        narrative=[
            NarrativeSection(title="Déclencheur", text="Un *déploiement*.", kind="trigger"),
            NarrativeSection(title="Our own part", text="- a\n- b"),
        ],
        revision=4,
    )


def _new_document() -> Postmortem:
    return Postmortem(id="golden-new")


def _historical_file() -> Postmortem:
    """An old file that leaves most keys out: the format's defaults fill them in."""
    return document_from_json(json.dumps({
        "format": "postmortem-studio", "format_version": 1, "id": "golden-old",
        "title": "Old", "status": "in_review", "severity": "SEV-2",
        "actions": [{"action": "Keep default priority, kind and horizon", "id": "x1"},
                    {"action": "Stated nothing", "priority": None, "kind": None,
                     "horizon": None, "id": "x2"}],
        "timeline": [{"at": "2025-01-02T03:04:05Z", "event": "e", "id": "y1"}],
        "participants": [{"name": "P"}], "services": [{"name": "S"}],
        "communications": [{"text": "t"}], "annexes": [{"title": "A"}],
        "signoffs": [{"role": "Author", "name": "N"}],
        "meeting_agenda": [{"title": "Step"}],
    }))  # fmt: skip


# (json bytes SHA-256, content digest): frozen, never to be updated
GOLDEN = {
    "demo": (
        "10895deaad0cf742383b7551bb698aeb6a360840c0c25607b8d1b9aa0c18d5c1",
        "40d18bc7b2234fccd05541c4e9efd5cc0721369fba3c081ab6a38786a54755d0",
    ),
    "every-field-filled": (
        "c67cba385be594ac6eb7c0d394f25484ebe7e2c3a366d12eca32b0dff6ad1a2f",
        "5cfd34492f9c3c102033c90675f6bdf57200a4e4f40cdb6820d0473ac116d160",
    ),
    "new-document": (
        "d757dbfd810c85e26810ecaff637e4912b76f88bd13477883ef1eeec3ffaccfc",
        "18b5aca006a60e1af00287b0b968a6214c18c5d360ec1fbdfe5b5af42e30910a",
    ),
    "historical-file": (
        "92f8e3377eab3a3aaa20287d8849b95c949f13b5e6235983c60fab7440d6dd90",
        "a2140f1b77bd0e6834611fec3817a745ff6b149336d46b12efda639f6fb32251",
    ),
}


def _documents() -> dict[str, Postmortem]:
    return {
        "demo": document_from_json(DEMO_FILE.read_text(encoding="utf-8")),
        "every-field-filled": _every_field_filled(),
        "new-document": _new_document(),
        "historical-file": _historical_file(),
    }


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_json_bytes_and_content_digest_are_frozen(name: str) -> None:
    doc = _documents()[name]
    text = document_to_json(doc)
    expected_json, expected_digest = GOLDEN[name]
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == expected_json
    assert content_digest(doc) == expected_digest


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_frozen_documents_read_back_to_the_same_bytes(name: str) -> None:
    text = document_to_json(_documents()[name])
    again = document_from_json(text)
    assert document_to_json(again) == text
    assert content_digest(again) == GOLDEN[name][1]


def test_the_full_document_really_fills_every_field() -> None:
    """The frozen rich document keeps covering the format: no key left at its empty value."""
    data = json.loads(document_to_json(_every_field_filled()))
    empty = [key for key, value in data.items() if value in (None, "", [], {})]
    assert empty == []
    assert "narrative" in data and data["timeline"][1]["approximate"] is True
    assert data["signoffs"][0]["certificate"] and data["signoffs"][1]["evidence"] == "pdf"
