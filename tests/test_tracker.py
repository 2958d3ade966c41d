"""The action tracker's query, filters, sort, CSV export and the open-actions list."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app.cli import main
from app.errors import LockedError, ValidationError
from app.session import DocumentSession
from app.store import Store
from app.tracker import (
    ActionFilter,
    actions_csv,
    open_actions,
    parse_status_filter,
    query_actions,
    status_change,
)
from app.vocabulary import ActionKind, ActionStatus, Priority, Status
from tests.tracking_helpers import TODAY, fill


def ids(rows: list) -> list[str]:
    return [row.id for row in rows]


def test_every_action_of_every_postmortem_sorted_by_due_undated_last(store: Store) -> None:
    fill(store)
    rows = query_actions(store, today=TODAY)
    assert ids(rows) == ["a1", "a2", "a4", "a3", "b1", "b2", "b3"]
    assert rows[0].postmortem_title == "Database failover"


def test_filters_owner_status_priority_kind_postmortem(store: Store) -> None:
    fill(store)
    assert ids(query_actions(store, ActionFilter(owner="alice"), today=TODAY)) == ["a3"]
    open_rows = query_actions(
        store, ActionFilter(statuses=parse_status_filter("open")), today=TODAY
    )
    assert set(ids(open_rows)) == {"a3", "b1", "b3"}
    p0 = query_actions(store, ActionFilter(priorities=(Priority.P0,)), today=TODAY)
    assert ids(p0) == ["a1"]
    detect = query_actions(store, ActionFilter(kinds=(ActionKind.DETECT,)), today=TODAY)
    assert ids(detect) == ["a2"]
    api = query_actions(store, ActionFilter(postmortem_id="api"), today=TODAY, sort="action")
    assert ids(api) == ["b3", "b1", "b2"]
    assert query_actions(store, ActionFilter(owner="%"), today=TODAY) == []


def test_overdue_depends_on_the_injected_day(store: Store) -> None:
    fill(store)
    overdue = query_actions(store, ActionFilter(overdue_only=True), today=TODAY)
    assert ids(overdue) == ["a3"]
    assert overdue[0].days_overdue(TODAY) == 19
    later = query_actions(store, ActionFilter(overdue_only=True), today=date(2026, 4, 1))
    assert set(ids(later)) == {"a3", "b1"}
    assert query_actions(store, ActionFilter(overdue_only=True), today=date(2026, 1, 1)) == []


def test_sort_descending_and_unknown_sort_key(store: Store) -> None:
    fill(store)
    rows = query_actions(store, today=TODAY, sort="owner", descending=True)
    assert rows[0].owner == "Dan"
    with pytest.raises(ValidationError, match="not a column"):
        query_actions(store, today=TODAY, sort="nonsense")


def test_deleted_postmortems_leave_the_tracker(store: Store) -> None:
    fill(store)
    store.delete("api")
    assert {row.postmortem_id for row in query_actions(store, today=TODAY)} == {"db"}


def test_bad_status_filter_is_refused_with_the_allowed_words() -> None:
    assert parse_status_filter("done, in-progress") == (ActionStatus.DONE, ActionStatus.IN_PROGRESS)
    with pytest.raises(ValidationError, match="'finished' is not a status"):
        parse_status_filter("finished")


def test_csv_has_a_header_overdue_days_and_defuses_formulas(store: Store) -> None:
    fill(store)
    text = actions_csv(query_actions(store, today=TODAY), TODAY)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 7
    by_id = {row["action_id"]: row for row in rows}
    assert by_id["a3"]["days_overdue"] == "19"
    assert by_id["b1"]["days_overdue"] == ""
    assert by_id["b3"]["action"] == "'=HYPERLINK(evil)"
    assert by_id["b2"]["due"] == ""


def test_open_actions_for_the_meeting_leave_out_the_discussed_postmortem(store: Store) -> None:
    fill(store)
    assert set(ids(open_actions(store))) == {"a3", "b1", "b3"}
    assert ids(open_actions(store, exclude_postmortem_id="db")) == ["b1", "b3"]
    assert open_actions(Store(store.path.with_name("empty.sqlite3"))) == []


def test_status_change_records_the_completion_day_and_persists(store: Store) -> None:
    fill(store)
    session = DocumentSession.open(store, "db")
    session.apply(status_change("a3", ActionStatus.DONE, TODAY))
    reloaded = store.load("db").action("a3")
    assert reloaded is not None
    assert (reloaded.status, reloaded.completed_on) == (ActionStatus.DONE, TODAY)
    session.apply(status_change("a3", ActionStatus.IN_PROGRESS, TODAY))
    assert store.load("db").action("a3").completed_on is None  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="no longer exists"):
        session.apply(status_change("gone", ActionStatus.DONE, TODAY))


def test_status_change_of_an_approved_report_is_refused(store: Store) -> None:
    docs = fill(store)
    docs["api"].status = Status.APPROVED
    store.save(docs["api"], expected_seq=store.seq("api"))
    with pytest.raises(LockedError):
        DocumentSession.open(store, "api").apply(status_change("b1", ActionStatus.DONE, TODAY))
    assert store.load("api").action("b1").status == ActionStatus.IN_PROGRESS  # type: ignore[union-attr]


def test_cli_actions_csv_and_filters(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    fill(store)
    db = str(store.path)
    assert main(["--db", db, "actions", "--csv", "--today", "2026-03-01"]) == 0
    assert capsys.readouterr().out.startswith("postmortem_id,postmortem,incident_date")
    assert main(["--db", db, "actions", "--overdue", "--today", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert "Load test the failover" in out and "OVERDUE 19 d" in out
    assert "Autoscale" not in out
    assert main(["--db", db, "actions", "--owner", "bob", "--status", "open"]) == 0
    assert capsys.readouterr().out.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["actions", "--status", "finished"], "'finished' is not a status"),
        (["actions", "--today", "tomorrow"], "not a date"),
        (["actions", "--postmortem", "nope"], "No postmortem has the id 'nope'"),
        (["metrics", "--today", "2026-13-01"], "not a date"),
    ],
)
def test_cli_bad_input_prints_one_line_and_exits_2(
    store: Store, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["--db", str(store.path), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_no_action_says_so(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(store.path), "actions"]) == 0
    assert "No action matches" in capsys.readouterr().err
