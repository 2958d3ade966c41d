"""The small readers behind the import: headings, header lines, statuses, dates, tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.markdown import sections as S
from app.markdown.dates import DateContext, parse_day, parse_when, zone_named
from app.markdown.fields import action_status, is_placeholder, key_value, priority
from app.markdown.parse import ListBlock, Table, parse_blocks
from app.markdown.sections import section_kind
from app.severity import DEFAULT_SCALE, scale_codes, severity_code
from app.vocabulary import ActionStatus, Priority


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("📋 Résumé Exécutif", S.SUMMARY),
        ("Executive summary", S.SUMMARY),
        ("1. Incident Summary", S.SUMMARY),
        ("OVERVIEW", S.SUMMARY),
        ("⏱️ Chronologie", S.TIMELINE),
        ("Timeline (UTC)", S.TIMELINE),
        ("🔍 Cause Racine (Root Cause Analysis)", S.ROOT_CAUSE),
        ("Root causes", S.ROOT_CAUSE),
        ("Méthode des 5 Pourquoi", S.WHYS),
        ("5 Whys", S.WHYS),
        ("Five whys", S.WHYS),
        ("✅ Ce qui a bien fonctionné", S.WENT_WELL),
        ("What went well", S.WENT_WELL),
        ("❌ Ce qui a mal fonctionné", S.WENT_WRONG),
        ("What went wrong", S.WENT_WRONG),
        ("Where we got lucky", S.LUCKY),
        ("🔧 Actions Correctives", S.ACTIONS),
        ("Action items", S.ACTIONS),
        ("Corrective actions", S.ACTIONS),
        ("Follow-up", S.ACTIONS),
        ("📚 Leçons Apprises", S.LESSONS),
        ("Lessons learned", S.LESSONS),
        ("📎 Annexes", S.ANNEXES),
        ("Supporting information", S.ANNEXES),
        ("II - Impact", S.IMPACT),
        ("Diagramme d'Ishikawa", S.FISHBONE),
        ("🤝 Remerciements", S.ACKNOWLEDGEMENTS),
        ("Recette de la tarte", None),
    ],
)
def test_headings_are_recognised_in_french_and_english(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_header_lines_in_both_languages() -> None:
    assert key_value("**Date de l'incident** : 2026-01-15  ") == (
        "incident_date",
        "Date de l'incident",
        "2026-01-15",
    )
    assert key_value("Severity: SEV-2")[:1] == ("severity",)  # type: ignore[index]
    assert key_value("**Réviseurs**: A, B")[0] == "reviewers"  # type: ignore[index]
    assert key_value("Humeur : fatigué") == ("", "Humeur", "fatigué")
    codes = scale_codes(DEFAULT_SCALE)
    assert severity_code("SEV-2", codes) == "P2" and severity_code("Majeur", codes) == "P1"
    assert severity_code("SEV-2 (Service Degraded)", codes) == "P2"
    assert severity_code("Sev 0", codes) == "P0"
    assert severity_code("critical", codes) == "P0" and severity_code("mineur", codes) == "P3"
    assert severity_code("Orange alert", codes) == "Orange alert"  # kept as written
    assert priority("High") == Priority.P1 and priority("critique") == Priority.P0


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [("[Votre nom]", True), ("XX minutes", True), ("Draft / In Review / Final", True),
     ("YYYY-MM-DD", True), ("10/03/2021", False), ("Camille Martin", False)],
)  # fmt: skip
def test_template_placeholders_are_recognised(value: str, placeholder: bool) -> None:
    assert is_placeholder(value) is placeholder


@pytest.mark.parametrize(
    ("text", "status"),
    [("✅ Done", ActionStatus.DONE), ("🔄 In Progress", ActionStatus.IN_PROGRESS),
     ("⏳ Todo", ActionStatus.TODO), ("[x]", ActionStatus.DONE), ("[ ]", ActionStatus.TODO),
     ("Fait", ActionStatus.DONE), ("En cours", ActionStatus.IN_PROGRESS),
     ("À faire", ActionStatus.TODO), ("Won't do", ActionStatus.NOT_DOING),
     ("🟡 Scheduled", ActionStatus.IN_PROGRESS), ("peut-être", None)],
)  # fmt: skip
def test_status_words_and_symbols(text: str, status: ActionStatus | None) -> None:
    assert action_status(text) == status


def test_times_are_resolved_against_the_incident_date_and_zone() -> None:
    paris = DateContext(date(2026, 1, 15), zone_named("Europe/Paris"))
    plus_one = timezone(timedelta(hours=1))
    assert parse_when("14:00:00", paris) == (datetime(2026, 1, 15, 14, tzinfo=plus_one), True)
    assert parse_when("14:32 UTC", paris) == (datetime(2026, 1, 15, 14, 32, tzinfo=UTC), False)
    assert parse_when("31/01 09:15", paris)[0] == datetime(2026, 1, 31, 9, 15, tzinfo=plus_one)
    summer = DateContext(date(2026, 7, 1), zone_named("Europe/Paris"))
    assert parse_when("10:00", summer)[0] == datetime(
        2026, 7, 1, 10, tzinfo=timezone(timedelta(hours=2))
    )
    assert parse_when("2026-01-16 09:00 -05:00", paris)[0] == datetime(
        2026, 1, 16, 9, tzinfo=timezone(timedelta(hours=-5))
    )
    assert parse_when("hier soir", paris) == (None, False)
    assert parse_when("14:00", DateContext()) == (None, False)


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-01-16", date(2026, 1, 16)), ("31/01", date(2026, 1, 31)),
     ("05/03/2026", date(2026, 3, 5)), ("01/20", date(2026, 1, 20)),
     ("Oct 29, 2025", date(2025, 10, 29)), ("15 janvier 2026", date(2026, 1, 15)),
     ("Q1 2026", None), ("31/02/2026", None)],
)  # fmt: skip
def test_dates_day_first_unless_impossible(text: str, day: date | None) -> None:
    assert parse_day(text, DateContext(date(2026, 1, 15))) == day


def test_ragged_tables_and_nested_lists_are_parsed() -> None:
    blocks = parse_blocks(
        "| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |\n| x \\| y | z |\n\n"
        "- [x] one\n  - Owner: A\n  continued\n- [ ] two\n"
    )
    table, items = blocks
    assert isinstance(table, Table) and isinstance(items, ListBlock)
    assert table.rows == [["1"], ["2", "3", "4"], ["x | y", "z"]]
    assert [(i.depth, i.checked, i.text) for i in items.items] == [
        (0, True, "one"),
        (1, None, "Owner: A\ncontinued"),
        (0, False, "two"),
    ]
