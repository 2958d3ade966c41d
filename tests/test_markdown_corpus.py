"""Postmortems in the styles teams really use (Google SRE, Atlassian, PagerDuty, French seed
style, messy notes), written from public incident reports, imported field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.diagrams.graph import children
from app.markdown.decode import decode_markdown
from app.markdown.importer import read_markdown
from app.vocabulary import ActionKind, ActionStatus, Marker, ServiceState, Status
from tests.markdown_helpers import CORPUS, lost_words

PARIS_WINTER = timezone(timedelta(hours=1))


def _whys(doc: object) -> list[str]:
    graph = doc.whys  # type: ignore[attr-defined]
    texts, node = [], "p"
    while kids := children(graph, node):
        node = kids[0]
        texts.append(graph.nodes[node]["text"] or graph.nodes[node]["answer"])
    return texts


def test_google_sre_template() -> None:
    doc, report = read_markdown(CORPUS / "google_sre_shakespeare.md")
    assert doc.title == "Shakespeare Sonnet++ Postmortem (incident #465)"
    assert doc.language == "en"
    assert doc.incident_date == date(2015, 10, 21)
    assert doc.severity == "P1"
    assert doc.summary.startswith("Shakespeare Search down for 66 minutes")
    assert doc.root_cause.startswith("Cascading failure due to a combination")
    trigger = next(n for n in doc.narrative if n.kind == "trigger")
    assert trigger.text == "Latent bug triggered by sudden increase in traffic."
    assert doc.contributing_factors == []  # a trigger is told, not split into factors
    assert len(doc.timeline) == 12
    assert doc.timeline[0].at == datetime(2015, 10, 21, 14, 51, tzinfo=UTC)
    markers = {e.marker: e.event for e in doc.timeline if e.marker}
    assert markers[Marker.STARTED].startswith("OUTAGE BEGINS")
    assert markers[Marker.RESOLVED].startswith("OUTAGE ENDS")
    assert [(a.kind, a.owner, a.status) for a in doc.actions] == [
        (ActionKind.MITIGATE, "jennifer", ActionStatus.DONE),
        (ActionKind.PREVENT, "martym", ActionStatus.TODO),
        (ActionKind.PROCESS, "docbrown", ActionStatus.TODO),
        (ActionKind.PREVENT, "jennifer", ActionStatus.TODO),
        (ActionKind.PREVENT, "agoogler", ActionStatus.DONE),
    ]
    assert doc.actions[1].ticket == "Bug 5554823"
    assert len(doc.went_well) == 2 and len(doc.went_wrong) == 2 and len(doc.lucky) == 2
    assert [(a.title, a.kind) for a in doc.annexes] == [("Monitoring dashboard", "link")]
    assert any("Status" in entry and "unknown status" in entry for entry in report.kept_aside)


def test_atlassian_template() -> None:
    doc, report = read_markdown(CORPUS / "atlassian_github_2018.md")
    assert doc.summary.startswith("Between 22:52 UTC on 21 October")
    assert [row.metric for row in doc.impact][:2] == [
        "Duration of degradation",
        "Webhook payloads delayed",
    ]
    assert doc.timeline[0].at == datetime(2018, 10, 21, 22, 52, tzinfo=UTC)
    assert doc.timeline[-1].at == datetime(2018, 10, 22, 23, 3, tzinfo=UTC)
    assert doc.resolved_at == datetime(2018, 10, 22, 23, 3, tzinfo=UTC)
    assert len(_whys(doc)) == 5 and _whys(doc)[0] == "Why was the site degraded for a day?"
    assert [a.status for a in doc.actions] == ["done", "in_progress", "todo", "todo"]
    assert [a.priority for a in doc.actions] == ["P1", "P2", "P2", "P3"]
    assert doc.actions[2].due is None and "Q1 2019" in doc.actions[2].status_reason
    assert any("Q1 2019" in w for w in report.warnings)
    assert any("4 cells for 5 columns" in w for w in report.warnings)
    assert [(n.kind, n.title) for n in doc.narrative] == [
        ("leadup", "Leadup"),
        ("fault", "Fault"),
        ("detection", "Detection"),
    ]
    assert not {a.title for a in doc.annexes} & {"Leadup", "Fault", "Detection"}


def test_pagerduty_template() -> None:
    doc, _ = read_markdown(CORPUS / "pagerduty_cloudflare_2019.md")
    assert doc.title == "Cloudflare WAF outage — July 2, 2019"
    assert doc.incident_date == date(2019, 7, 2)
    assert (doc.severity, doc.author, doc.reviewers) == ("P1", "WAF team", ["Edge team", "SRE"])
    assert "catastrophic backtracking" in doc.summary
    assert len(doc.contributing_factors) == 3
    first = doc.participants[0]
    assert (first.name, first.role) == ("SRE on-call", "Incident commander")
    assert len(doc.timeline) == 8
    assert doc.timeline[0].at == datetime(2019, 7, 2, 13, 42, tzinfo=UTC)
    assert len(doc.went_well) == 2 and len(doc.went_wrong) == 2
    statuses = [(a.status, a.owner) for a in doc.actions]
    assert statuses == [("done", ""), ("todo", "WAF team"), ("todo", "Edge team"), ("todo", "SRE")]
    assert doc.actions[1].due == date(2019, 9, 30)
    assert doc.actions[2].due == date(2019, 8, 15)
    assert doc.actions[2].priority == "P1"


def test_french_seed_style() -> None:
    doc, _ = read_markdown(CORPUS / "fr_ovh_sbg2_2021.md")
    assert doc.language == "fr"
    assert doc.title == "🔥 Incendie du datacenter SBG2 – Strasbourg"
    assert doc.incident_date == date(2021, 3, 10)
    assert (doc.status, doc.severity, doc.timezone) == (Status.IN_REVIEW, "P0", "Europe/Paris")
    assert doc.timeline[0].at == datetime(2021, 3, 10, 0, 47, tzinfo=PARIS_WINTER)
    assert datetime(2021, 3, 11, 9, 0, tzinfo=PARIS_WINTER) in {e.at for e in doc.timeline}
    day_only = [e for e in doc.timeline if e.as_written == "19/03"]
    assert [(e.at.date(), e.approximate, e.event) for e in day_only] == [
        (date(2021, 3, 19), True, "Premiers serveurs de SBG3 redémarrés")
    ]
    assert doc.whys.nodes["p"]["text"] == "Perte totale du site SBG pendant plusieurs jours"
    assert len(_whys(doc)) == 5
    assert doc.root_cause == "Conception du bâtiment sans compartimentage suffisant"
    fish = doc.ishikawa
    assert fish.nodes["e"]["text"] == "Destruction de SBG2"
    categories = [fish.nodes[c]["text"] for c in children(fish, "e")]
    assert categories == ["Environnement", "Matériel", "Processus"]
    first_cause = children(fish, children(fish, "e")[0])[0]
    assert [fish.nodes[k]["text"] for k in children(fish, first_cause)] == [
        "Propagation verticale du feu"
    ]
    flagged = [d["text"] for _, d in fish.nodes(data=True) if d["root_cause"]]
    assert flagged == ["Onduleurs récemment maintenus"]
    assert [s.state for s in doc.services] == [ServiceState.DOWN, ServiceState.DEGRADED,
                                               ServiceState.DOWN]  # fmt: skip
    assert [(a.status, a.due) for a in doc.actions] == [
        ("done", date(2021, 6, 30)),
        ("in_progress", date(2021, 12, 31)),
        ("todo", None),
        ("todo", None),
    ]
    assert [lesson.audience for lesson in doc.lessons] == ["developers", "organization"]
    assert doc.blameless_note == "Ce postmortem est blameless."


def test_messy_notes() -> None:
    doc, report = read_markdown(CORPUS / "messy_facebook_2021.md")
    assert doc.title == "Facebook / Instagram / WhatsApp outage notes"
    assert (doc.incident_date, doc.severity, doc.status) == (date(2021, 10, 4), "P1", "draft")
    assert doc.reviewers == ["net-eng", "prod-eng"]
    assert "<b>whole world</b>" in doc.summary and "<script>" in doc.summary
    times = [e.at.strftime("%H:%M") for e in doc.timeline]
    assert times == ["15:39", "15:40", "15:58", "17:00", "21:00", "21:45"]
    rough = doc.timeline[3]
    assert (rough.approximate, rough.as_written, rough.event) == (
        True,
        "~17:00",
        "engineers dispatched to data centers",
    )
    kept = report.notes
    assert "32/13 25:61" in kept
    assert "Oncall mood: tired" in kept
    assert [(r.metric, r.value) for r in doc.impact] == [
        ("Duration", "about 6 hours"),
        ("Users", "3.5 billion across apps ; extra cell"),
        ("Businesses", ""),
    ]
    assert len(_whys(doc)) == 6
    assert any("loop back at step 6 to step 1" in w for w in report.warnings)
    assert [a.status for a in doc.actions] == ["done", "todo", "in_progress", "todo"]
    assert doc.actions[2].due == date(2021, 12, 1)
    assert doc.actions[3].action == "Faster physical access procedure"


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.md")))
def test_no_text_is_lost(name: str) -> None:
    path = CORPUS / name
    doc, report = read_markdown(path)
    assert lost_words(decode_markdown(path.read_bytes()).text, doc, report) == {}
