"""Expected facts of the Markdown corpus, field by field, and the share an import gets right.

Each fact reads one field of the imported document (a time instant with its offset, the
incident window, a row count, a why as question and answer, the causes under one category, an
action's owner and status…) and compares it with what the source states. ``python -m
tests.corpus_facts`` prints the accuracy per document.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from app.derived import instants
from app.diagrams.graph import children
from app.markdown.importer import read_markdown
from app.model import Postmortem
from tests.markdown_helpers import CORPUS

Getter = Callable[[Postmortem], Any]
Fact = tuple[str, Getter, Any] | tuple[str, Getter]  # no expected value: True


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def at(index: int) -> Getter:
    return lambda doc: _iso(doc.timeline[index].at)


def rows(doc: Postmortem) -> int:
    return len(doc.timeline)


def window(doc: Postmortem) -> tuple[str | None, str | None]:
    marks = instants(doc)
    return _iso(marks.started), _iso(marks.resolved)


def field(name: str) -> Getter:
    def get(doc: Postmortem) -> Any:
        value = getattr(doc, name)
        return _iso(value) if hasattr(value, "isoformat") else value

    return get


def approx(index: int) -> Getter:
    return lambda doc: (doc.timeline[index].approximate, doc.timeline[index].as_written)


def event(index: int) -> Getter:
    return lambda doc: doc.timeline[index].event


def _chain(doc: Postmortem) -> list[str]:
    graph, node, found = doc.whys, "p", []
    while kids := children(graph, node):
        node = kids[0]
        found.append(node)
    return found


def why(index: int) -> Getter:
    def get(doc: Postmortem) -> tuple[str, str]:
        node = doc.whys.nodes[_chain(doc)[index]]
        return node["text"], node["answer"]

    return get


def whys_count(doc: Postmortem) -> int:
    return len(_chain(doc))


def effect(doc: Postmortem) -> str:
    return str(doc.ishikawa.nodes["e"]["text"])


def causes(category: str) -> Getter:
    def get(doc: Postmortem) -> list[str]:
        graph = doc.ishikawa
        for node in children(graph, "e"):
            if graph.nodes[node]["text"] == category:
                return [graph.nodes[k]["text"] for k in children(graph, node)]
        return []

    return get


def action(index: int) -> Getter:
    return lambda doc: (doc.actions[index].owner, doc.actions[index].status.value)


def action_text(index: int) -> Getter:
    return lambda doc: doc.actions[index].action


def unstated(index: int) -> Getter:
    return lambda doc: (
        doc.actions[index].priority,
        doc.actions[index].kind,
        doc.actions[index].horizon,
    )


def narrative(doc: Postmortem) -> list[tuple[str, str]]:
    return [(section.kind, section.title) for section in doc.narrative]


def narrative_text(title: str) -> Getter:
    return lambda doc: next(s.text for s in doc.narrative if s.title == title)


def summary_has(text: str) -> Getter:
    return lambda doc: text in doc.summary


NONE3 = (None, None, None)

FACTS: dict[str, list[Fact]] = {
    "firehydrant_slack_2021.md": [
        ("severity", field("severity"), "P1"),
        ("time zone", field("timezone"), "-08:00"),
        ("window", window, ("2021-01-04T06:00:00-08:00", "2021-01-04T14:46:00-08:00")),
        ("detected", field("detected_at"), "2021-01-04T06:57:00-08:00"),
        ("rows", rows, 6),
        ("row 1", at(0), "2021-01-04T06:00:00-08:00"),
        ("row 4", at(3), "2021-01-04T08:15:00-08:00"),
        ("row 6", at(5), "2021-01-04T14:46:00-08:00"),
        ("contributing factors", lambda d: len(d.contributing_factors), 3),
        ("commander", lambda d: (d.participants[0].name, d.participants[0].role),
         ("Dana Ortiz", "Incident commander")),
        ("action 1", action(0), ("Networking", "done")),
        ("action 2", action(1), ("Dana Ortiz", "in_progress")),
        ("action 3", action(2), ("Observability", "todo")),
        ("action 1 ticket", lambda d: d.actions[0].ticket, "NET-311"),
        ("action 1 unstated", unstated(0), NONE3),
        ("impact as narrative", narrative, [("impact", "Customer Impact")]),
        ("summary reflowed", summary_has("On the first working day of 2021, many users could "
                                         "not load Slack or send messages.")),
    ],
    "incidentio_fastly_2021.md": [
        ("severity", field("severity"), "P0"),
        ("window", window, ("2021-06-08T09:47:00+00:00", "2021-06-08T12:35:00+00:00")),
        ("detected", field("detected_at"), "2021-06-08T09:48:00+00:00"),
        ("rows", rows, 8),
        ("row 1", at(0), "2021-06-08T09:47:00+00:00"),
        ("row 8", at(7), "2021-06-08T17:25:00+00:00"),
        ("row 2 actor", lambda d: d.timeline[1].actor, "@ravi"),
        ("lead", lambda d: (d.participants[0].name, d.participants[0].role),
         ("@ravi", "Incident lead")),
        ("action 1", action(0), ("@nick", "done")),
        ("action 1 text", action_text(0), "Deploy the bug fix across the network"),
        ("action 2", action(1), ("@qa-lead", "todo")),
        ("action 3", action(2), ("@ravi", "todo")),
        ("action 2 unstated", unstated(1), NONE3),
        ("bold kept as Markdown", summary_has("on **12 May** introduced a bug that could be "
                                              "triggered by a specific, valid customer")),
        ("code span kept", summary_has("The bad path lives in `vcl_recv`.")),
    ],
    "jeli_roblox_2021.md": [
        ("severity", field("severity"), "P0"),
        ("author", field("author"), "Reliability team"),
        ("time zone", field("timezone"), "America/Los_Angeles"),
        ("window", window, ("2021-10-28T13:37:00-07:00", "2021-10-31T16:35:00-07:00")),
        ("rows", rows, 7),
        ("row 1", at(0), "2021-10-28T13:37:00-07:00"),
        ("row 2", at(1), "2021-10-28T14:31:00-07:00"),
        ("row 4", at(3), "2021-10-29T02:00:00-07:00"),
        ("row 7", at(6), "2021-10-31T16:35:00-07:00"),
        ("narrative", narrative, [("trigger", "Trigger"), ("detection", "Detection"),
                                  ("response", "Response"), ("recovery", "Recovery"),
                                  ("assessment", "How'd we do?")]),
        ("trigger one paragraph", narrative_text("Trigger"),
         "A new Consul streaming feature had been enabled on the service-discovery cluster the "
         "day before. Under an unusually high read and write load it caused contention on a "
         "single Go channel, and the cluster's leader became slow to answer."),
        ("italics kept", lambda d: "*very little visibility*" in narrative_text("Response")(d),
         True),
        ("no contributing factor invented", lambda d: d.contributing_factors, []),
        ("actions", lambda d: len(d.actions), 3),
        ("action 1", action(0), ("Observability", "todo")),
        ("action 1 text", action_text(0), "Move telemetry off the system it monitors"),
        ("action 1 unstated", unstated(0), NONE3),
    ],
    "slack_notes_cloudflare_2022.md": [
        ("severity", field("severity"), "P1"),
        ("incident date", field("incident_date"), "2022-06-21"),
        ("rows", rows, 7),
        ("row 1", at(0), "2022-06-21T06:27:00+00:00"),
        ("row 2 (bold, colon)", at(1), "2022-06-21T06:32:00+00:00"),
        ("row 3 approximate", approx(2), (True, "~06:51")),
        ("row 3 time", at(2), "2022-06-21T06:51:00+00:00"),
        ("row 5 range", approx(4), (True, "07:00–07:20")),
        ("row 4 exact", approx(3), (False, "")),
        ("emoji kept", event(0), "change deployed to the spine routers of 19 MCP locations 🚨"),
        ("window", window, ("2022-06-21T06:27:00+00:00", "2022-06-21T08:00:00+00:00")),
        ("whys", whys_count, 3),
        ("why 1", why(0), ("Why did 19 locations stop serving traffic?",
                           "Because their spine routers withdrew the prefixes used to serve "
                           "traffic.")),
        ("why 3", why(2), ("Why did the reordered policy reach production?",
                           "Because the change procedure did not test the new policy on an MCP "
                           "location.")),
        ("code span byte for byte", summary_has(
            "`term ADV-SITELOCAL { from prefix-list SITE-LOCAL; then accept; }`")),
        ("action 1", action(0), ("network-eng", "todo")),
        ("action 2", action(1), ("@netauto", "done")),
        ("action 3", action(2), ("sre", "in_progress")),
        ("action 3 text", action_text(2), "Review the emergency revert tooling"),
    ],
    "confluence_gitlab_2017.md": [
        ("incident date", field("incident_date"), "2017-01-31"),
        ("severity", field("severity"), "P0"),
        ("owner", field("author"), "Database team"),
        ("status", lambda d: d.status.value, "approved"),
        ("rows", rows, 7),
        ("row 1", at(0), "2017-01-31T17:20:00+00:00"),
        ("row 5", at(4), "2017-01-31T23:30:00+00:00"),
        ("row 6 (date column)", at(5), "2017-02-01T00:36:00+00:00"),
        ("row 7 (date carried)", at(6), "2017-02-01T18:14:00+00:00"),
        ("whys", whys_count, 4),
        ("why 1", why(0), ("Why was GitLab.com down?",
                           "The primary database's data directory was removed by accident.")),
        ("why 4", why(3), ("Why was there no recent backup?",
                           "The backup job failed silently: it used the wrong PostgreSQL "
                           "version.")),
        ("effect", effect,
         "Production database lost and restored from a 6-hour-old snapshot"),
        ("methods", causes("Methods"), ["Backups were never tested by restoring them",
                                        "Resync procedure run by hand at night"]),
        ("machines", causes("Machines"), ["Snapshot disks too slow for a quick restore"]),
        ("people", causes("People"), ["Tired engineer working late on a spam attack"]),
        ("action 1", action(0), ("Database team", "done")),
        ("action 2", action(1), ("Monitoring", "in_progress")),
        ("action 3", action(2), ("SRE", "todo")),
        ("action 1 ticket", lambda d: d.actions[0].ticket, "infrastructure#1102"),
    ],
    "github_issue_crowdstrike_2024.md": [
        ("incident date", field("incident_date"), "2024-07-19"),
        ("rows", rows, 3),
        ("row 1 (12 AM)", at(0), "2024-07-19T00:09:00-04:00"),
        ("row 2", at(1), "2024-07-19T01:27:00-04:00"),
        ("row 3", at(2), "2024-07-19T09:45:00-04:00"),
        ("code span", summary_has("`C-00000291*.sys`")),
        ("regex code span", summary_has("`*.*(?:.*=.*)`")),
        ("fenced block", summary_has("  csagent.sys + 0x35ef    **not bold**   *not italic*\n")),
        ("root cause reflowed", field("root_cause"),
         "An out-of-bounds read in the content interpreter, reached because the content "
         "validator accepted a template instance with 21 fields."),
        ("action 1", action(0), ("@falcon-content", "done")),
        ("action 2", action(1), ("@sensor-team", "todo")),
        ("action 2 text", action_text(1), "Add bounds checking to the content interpreter"),
        ("action 3", action(2), ("@release-eng", "in_progress")),
        ("action 3 unstated", unstated(2), NONE3),
    ],
    "mojibake_orange_2021.md": [
        ("title", field("title"), "Panne des numéros d'urgence – 2 juin 2021"),
        ("incident date", field("incident_date"), "2021-06-02"),
        ("severity", field("severity"), "P0"),
        ("author", field("author"), "Équipe réseau voix"),
        ("time zone", field("timezone"), "Europe/Paris"),
        ("window", window, ("2021-06-02T16:45:00+02:00", "2021-06-03T00:45:00+02:00")),
        ("rows", rows, 5),
        ("row 2 approximate", approx(1), (True, "vers 17 h")),
        ("row 2 time", at(1), "2021-06-02T17:00:00+02:00"),
        ("row 4", at(3), "2021-06-02T23:50:00+02:00"),
        ("row 5 after midnight", at(4), "2021-06-03T00:45:00+02:00"),
        ("whys", whys_count, 3),
        ("why 1", why(0), ("Pourquoi les appels d'urgence n'aboutissaient-ils pas ?",
                           "Parce que les équipements d'interconnexion rejetaient une partie "
                           "des appels.")),
        ("effect", effect, "Appels d'urgence en échec pendant 8 h"),
        ("méthodes", causes("Méthodes"), ["déploiement non progressif"]),
        ("matériel", causes("Matériel"), ["équipements d'interconnexion saturés"]),
        ("main-d'œuvre", causes("Main-d'œuvre"), ["procédure de retour arrière mal connue"]),
        ("action 1", action(0), ("Réseau voix", "done")),
        ("action 2", action(1), ("Supervision", "in_progress")),
    ],
    "long_atlassian_2022.md": [
        ("severity", field("severity"), "P1"),
        ("author", field("author"), "Cloud reliability"),
        ("window", window, ("2022-04-05T07:38:00+00:00", "2022-04-18T01:50:00+00:00")),
        ("rows", rows, 124),
        ("row 1", at(0), "2022-04-05T07:38:00+00:00"),
        ("row 8", at(7), "2022-04-05T18:18:00+00:00"),
        ("row 124", at(123), "2022-04-18T01:50:00+00:00"),
        ("action 1", action(0), ("Cloud platform", "done")),
        ("action 1 priority", lambda d: d.actions[0].priority, "P1"),
        ("action 2", action(1), ("Restore team", "in_progress")),
        ("action 3", action(2), ("Support", "done")),
        ("action 3 unstated", unstated(2), NONE3),
    ],
    "google_sre_shakespeare.md": [
        ("severity", field("severity"), "P1"),
        ("rows", rows, 12),
        ("row 1", at(0), "2015-10-21T14:51:00+00:00"),
        ("trigger as narrative", lambda d: [k for k, _ in narrative(d) if k != "impact"],
         ["trigger", "resolution", "detection"]),
        ("action 1", action(0), ("jennifer", "done")),
        ("action 2", action(1), ("martym", "todo")),
    ],
    "atlassian_github_2018.md": [
        ("rows", rows, 9),
        ("row 1", at(0), "2018-10-21T22:52:00+00:00"),
        ("window", window, ("2018-10-21T22:52:00+00:00", "2018-10-22T23:03:00+00:00")),
        ("narrative", lambda d: [k for k, _ in narrative(d)], ["leadup", "fault", "detection"]),
        ("why 1", lambda d: why(0)(d)[0], "Why was the site degraded for a day?"),
        ("action 2 status", lambda d: d.actions[1].status.value, "in_progress"),
    ],
    "pagerduty_cloudflare_2019.md": [
        ("severity", field("severity"), "P1"),
        ("rows", rows, 8),
        ("row 1", at(0), "2019-07-02T13:42:00+00:00"),
        ("action 2", action(1), ("WAF team", "todo")),
    ],
    "fr_ovh_sbg2_2021.md": [
        ("severity", field("severity"), "P0"),
        ("row 1", at(0), "2021-03-10T00:47:00+01:00"),
        ("date-only row kept", lambda d: any(e.as_written == "19/03" for e in d.timeline), True),
        ("environnement", lambda d: len(causes("Environnement")(d)) > 0, True),
        ("action 1", lambda d: d.actions[0].status.value, "done"),
    ],
    "messy_facebook_2021.md": [
        ("severity", field("severity"), "P1"),
        ("approximate row kept", lambda d: [e.as_written for e in d.timeline if e.approximate],
         ["~17:00"]),
        ("row 1", at(0), "2021-10-04T15:39:00+00:00"),
    ],
}  # fmt: skip


def check(name: str, doc: Postmortem) -> list[tuple[str, Any, Any]]:
    """(fact, expected, found) for every fact the document gets wrong."""
    wrong: list[tuple[str, Any, Any]] = []
    for label, get, *rest in FACTS[name]:
        expected = rest[0] if rest else True
        try:
            found = get(doc)
        except Exception as error:  # noqa: BLE001 - a missing field is a wrong fact
            found = f"<{type(error).__name__}>"
        if found != expected:
            wrong.append((label, expected, found))
    return wrong


def main() -> int:
    total = right = 0
    for name in sorted(FACTS):
        doc, _ = read_markdown(CORPUS / name)
        wrong = check(name, doc)
        count = len(FACTS[name])
        total += count
        right += count - len(wrong)
        print(f"{name:36} {count - len(wrong):3}/{count:<3}")
        if "-v" in sys.argv:
            for label, expected, found in wrong:
                print(f"    {label}: expected {expected!r}, found {found!r}")
    print(f"{'all documents':36} {right:3}/{total:<3} = {100 * right / total:.0f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
