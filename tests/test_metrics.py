"""Every metric on the crafted database of ``tracking_helpers`` (answers worked out by hand)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from app.cli import main
from app.metrics import (
    compute_metrics,
    metrics_text,
    metrics_to_dict,
    recurrence_reasons,
    root_cause_similarity,
)
from app.model import Action, Postmortem
from app.store import Store
from app.vocabulary import ActionStatus
from tests.tracking_helpers import TODAY, crafted_docs, fill


def test_action_rates_and_overdue(store: Store) -> None:
    fill(store)
    figures = compute_metrics(store, TODAY).actions
    assert (figures.total, figures.done, figures.not_doing, figures.open) == (7, 3, 1, 3)
    assert (figures.overdue, figures.without_due) == (1, 2)
    assert (figures.on_time, figures.late) == (1, 1)
    assert figures.completed_rate == pytest.approx(3 / 6)
    assert figures.on_time_rate == pytest.approx(1 / 2)


def test_response_times_against_the_playbook_targets(store: Store) -> None:
    fill(store)
    mttd, mtta, mttr = compute_metrics(store, TODAY).kpis
    assert (mttd.code, mttd.mean, mttd.incidents, mttd.met) == (
        "MTTD",
        timedelta(minutes=3),
        2,
        False,
    )
    assert mttd.target == timedelta(minutes=2)
    assert (mtta.mean, mtta.met) == (timedelta(minutes=5), False)  # equal is not under
    assert (mttr.mean, mttr.met, mttr.target) == (
        timedelta(minutes=40),
        False,
        timedelta(minutes=30),
    )


def test_a_fast_team_meets_every_target(store: Store) -> None:
    docs = crafted_docs()
    fast = docs["db"]
    fast.id = "fast"
    store.save(fast)
    mttd, mtta, mttr = compute_metrics(store, TODAY).kpis
    assert (mttd.mean, mtta.mean, mttr.mean) == (
        timedelta(minutes=1),
        timedelta(minutes=3),
        timedelta(minutes=20),
    )
    assert (mttd.met, mtta.met, mttr.met) == (True, True, True)


def test_time_to_postmortem_severity_and_month(store: Store) -> None:
    fill(store)
    metrics = compute_metrics(store, TODAY)
    assert sorted(metrics.time_to_postmortem_days) == [4, 10]
    assert metrics.mean_days_to_postmortem == pytest.approx(7.0)
    assert metrics.median_days_to_postmortem == pytest.approx(7.0)
    assert metrics.by_severity == {"P0": 1, "P1": 1, "unrated": 1}
    assert list(metrics.by_severity) == ["P0", "P1", "unrated"]
    assert metrics.by_month == {"2026-01": 1, "2026-02": 1, "undated": 1}


def test_months_without_incidents_show_as_zero() -> None:
    from app.metrics import by_month

    docs = [Postmortem(incident_date=date(2025, 11, 3)), Postmortem(incident_date=date(2026, 2, 1))]
    assert by_month(docs) == {"2025-11": 1, "2025-12": 0, "2026-01": 0, "2026-02": 1}


def test_incident_day_falls_back_to_the_start_time() -> None:
    from app.metrics import by_month, days_to_postmortem

    doc = Postmortem(
        started_at=datetime(2026, 5, 31, 23, 0, tzinfo=UTC), postmortem_date=date(2026, 6, 3)
    )
    assert by_month([doc]) == {"2026-05": 1}
    assert days_to_postmortem(doc) == 3
    doc.postmortem_date = date(2026, 5, 1)  # before the incident: a typo, not a figure
    assert days_to_postmortem(doc) is None


def test_recurrence_links_and_rate(store: Store) -> None:
    fill(store)
    metrics = compute_metrics(store, TODAY)
    assert len(metrics.recurrence) == 1
    link = metrics.recurrence[0]
    assert (link.first_id, link.second_id) == ("db", "api")
    assert link.reasons == ("tags: kubernetes", "Ishikawa causes: tools", "similar root cause")
    assert metrics.recurring_postmortems == 2
    assert metrics.recurrence_rate == pytest.approx(2 / 3)


def test_each_recurrence_reason_alone() -> None:
    docs = crafted_docs()
    a, b = docs["db"], docs["bare"]
    assert recurrence_reasons(a, b) == ()
    b.services = list(a.services)
    assert recurrence_reasons(a, b) == ("services: payments",)
    b.services = []
    b.root_cause = "The connection pool was exhausted under peak load"
    assert recurrence_reasons(a, b) == ("similar root cause",)
    assert root_cause_similarity("", "anything") == 0.0
    assert root_cause_similarity("a bug", "a bug") == 0.0  # no significant word
    # An Ishikawa category counts only when it holds a cause.
    api = docs["api"]
    api.tags, api.root_cause = [], "unrelated"
    assert recurrence_reasons(a, api) == ("Ishikawa causes: tools",)


def test_empty_database_defines_every_figure(store: Store) -> None:
    metrics = compute_metrics(store, TODAY)
    data = metrics_to_dict(metrics)
    assert data["postmortems"] == 0
    assert data["actions"]["completed_rate"] is None
    assert data["actions"]["on_time_rate"] is None
    assert all(kpi["mean_seconds"] is None and kpi["met"] is None for kpi in data["kpis"])
    assert data["time_to_postmortem"]["mean_days"] is None
    assert data["by_severity"] == {} and data["by_month"] == {}
    assert data["recurrence"]["rate"] is None
    text = metrics_text(metrics)
    assert "completed rate : —" in text and "no data" in text


def test_postmortems_without_dates_and_actions_without_due_dates(store: Store) -> None:
    doc = Postmortem(id="x", title="No dates at all")
    doc.actions = [
        Action("Open, no due date"),
        Action("Done, no due date", status=ActionStatus.DONE, completed_on=date(2026, 1, 2)),
        Action("Done, no completion day", status=ActionStatus.DONE, due=date(2026, 1, 1)),
    ]
    store.save(doc)
    metrics = compute_metrics(store, TODAY)
    assert metrics.actions.overdue == 0
    assert metrics.actions.without_due == 2
    assert metrics.actions.completed_rate == pytest.approx(2 / 3)
    assert metrics.actions.on_time_rate is None  # nothing can be judged against a due date
    assert metrics.time_to_postmortem_days == ()
    assert metrics.by_month == {"undated": 1}
    assert all(kpi.mean is None for kpi in metrics.kpis)


def test_inconsistent_times_are_skipped_not_averaged(store: Store) -> None:
    doc = crafted_docs()["db"]
    doc.detected_at = doc.started_at - timedelta(minutes=5)  # type: ignore[operator]
    store.save(doc)
    mttd = compute_metrics(store, TODAY).kpis[0]
    assert (mttd.mean, mttd.incidents, mttd.skipped) == (None, 0, 1)


def test_cli_metrics_json_and_text(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    fill(store)
    db = str(store.path)
    assert main(["--db", db, "metrics", "--json", "--today", "2026-03-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["actions"]["overdue"] == 1
    assert data["kpis"][2] == {
        "code": "MTTR",
        "name": "Mean time to recovery",
        "mean_seconds": 2400.0,
        "target_seconds": 1800.0,
        "met": False,
        "incidents": 2,
        "skipped": 0,
    }
    assert data["recurrence"]["links"][0]["first"] == "db"
    assert main(["--db", db, "metrics", "--today", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert "MTTR:       40 min  target < 30 min  above target (2 incidents)" in out
    assert "Recurrence rate: 67 % (2 of 3 postmortems)" in out


def test_deleted_postmortems_are_not_counted(store: Store) -> None:
    fill(store)
    store.delete("bare")
    metrics = compute_metrics(store, TODAY)
    assert metrics.postmortems == 2
    assert metrics.recurrence_rate == pytest.approx(1.0)


def test_a_damaged_document_is_reported_with_advice(store: Store) -> None:
    from app.errors import StoreError

    fill(store)
    # written by another program, as a save would (a new sequence number): the stored figures
    # of 'api' are out of date, so its document is read, and found damaged
    store.db.execute("UPDATE postmortems SET doc = '{broken', seq = seq + 1 WHERE id = 'api'")
    with pytest.raises(StoreError, match=r"'api' is damaged .* restore a backup"):
        compute_metrics(store, TODAY)
