"""A meeting on a stored postmortem: durable state, the real agenda, quick capture."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.errors import LockedError, ValidationError
from app.meeting import capture
from app.meeting.agenda import (
    Agenda,
    AgendaStep,
    builtin_templates,
    delete_template,
    ground_rules,
    question_bank,
    save_template,
    saved_templates,
)
from app.meeting.clock import FakeClock
from app.meeting.meeting import Meeting
from app.meeting.timer import MINUTE
from app.model import Postmortem
from app.session import DocumentSession
from app.store import Store
from app.vocabulary import Status

T0 = datetime(2026, 1, 16, 14, 0, tzinfo=UTC)


def test_ground_rules_and_questions_ship_in_both_languages() -> None:
    assert ground_rules("en")[0] == ("No blame", "We analyse the system, not the people.")
    assert ground_rules("fr")[0][0] == "Pas de blame"
    assert len(ground_rules("fr")) == 5
    bank = question_bank("fr")
    assert list(bank) == ["detection", "response", "prevention", "process"]
    assert bank["detection"][0] == "Comment l’incident a-t-il été détecté ?"
    assert question_bank("de") == question_bank("en")


def test_templates_are_saved_replaced_and_deleted(store: Store) -> None:
    agenda = builtin_templates("en")[0]
    agenda.name = "Our short one"
    agenda.steps = agenda.steps[:2]
    save_template(store, agenda)
    save_template(store, agenda)
    assert [item.name for item in saved_templates(store)] == ["Our short one"]
    assert saved_templates(store)[0].steps[1].title == "Timeline review"
    with pytest.raises(ValidationError, match="name"):
        save_template(store, Agenda("  ", agenda.steps))
    with pytest.raises(ValidationError, match="no steps"):
        save_template(store, Agenda("Empty", []))
    delete_template(store, "Our short one")
    assert saved_templates(store) == []


def test_transitions_are_saved_and_recorded_in_the_postmortem(
    store: Store, demo: Postmortem
) -> None:
    session = DocumentSession.open(store, demo.id)
    clock = FakeClock(T0)
    meeting = Meeting.plan(session, builtin_templates("en")[0], clock)
    meeting.start()
    clock.advance(5 * MINUTE + 17)
    meeting.next()
    meeting.set_note("ask Bob about the pager")
    reloaded = store.load(demo.id)
    record = reloaded.meeting_agenda[0]
    assert record.title == "Introduction and ground rules"
    assert record.started_at == T0
    assert record.spent_seconds == 300.017
    assert reloaded.meeting_agenda[1].started_at is not None
    assert "Bob" not in str(reloaded.meeting_agenda)
    state = store.meeting_state(demo.id)
    assert state is not None and state["notes"] == {"1": "ask Bob about the pager"}

    clock.advance(MINUTE)
    again = Meeting.restore(DocumentSession.open(store, demo.id), clock)
    assert again is not None
    assert again.timer.current == 1 and again.timer.step_elapsed_ms() == MINUTE
    assert again.notes[1] == "ask Bob about the pager"
    again.discard()
    assert store.meeting_state(demo.id) is None


def test_an_approved_report_cannot_hold_a_meeting(store: Store, demo: Postmortem) -> None:
    demo.status = Status.APPROVED
    store.save(demo, expected_seq=store.seq(demo.id))
    session = DocumentSession.open(store, demo.id)
    with pytest.raises(LockedError, match="reopen"):
        Meeting.plan(session, builtin_templates("en")[0], FakeClock(T0))


def test_a_bad_agenda_is_refused_before_the_meeting(store: Store, demo: Postmortem) -> None:
    session = DocumentSession.open(store, demo.id)
    zero = Agenda("x", [AgendaStep("Intro", 0)])
    with pytest.raises(ValidationError, match="at least one minute"):
        Meeting.plan(session, zero, FakeClock(T0))
    with pytest.raises(ValidationError, match="no steps"):
        Meeting.plan(session, Agenda("x", []), FakeClock(T0))
    assert store.meeting_state(demo.id) is None


def test_quick_capture_lands_in_the_document_and_undoes(store: Store, demo: Postmortem) -> None:
    session = DocumentSession.open(store, demo.id)
    doc = session.doc
    before = len(doc.timeline)
    entry = capture.timeline_entry(doc, "10:15", "First alert fired", "PagerDuty")
    session.apply(entry)
    assert len(store.load(demo.id).timeline) == before + 1
    added = doc.timeline[-1]
    assert (added.at.hour, added.at.minute, added.event) == (10, 15, "First alert fired")
    session.revert(entry)
    assert len(store.load(demo.id).timeline) == before

    whys_before = doc.whys.number_of_nodes()
    session.apply(capture.why("Why was the pool saturated?", "50k queries per export"))
    tip = capture.last_why(doc.whys)
    assert doc.whys.nodes[tip]["text"] == "Why was the pool saturated?"
    assert doc.whys.nodes[tip]["answer"] == "50k queries per export"
    assert store.load(demo.id).whys.number_of_nodes() == whys_before + 1

    category, _name = capture.ishikawa_categories(doc)[0]
    session.apply(capture.cause(category, "Review missed the N+1"))
    texts = [doc.ishikawa.nodes[n]["text"] for n in doc.ishikawa.successors(category)]
    assert "Review missed the N+1" in texts

    session.apply(capture.action("Add an N+1 lint rule", "@dev-1", "2026-01-20", "P1"))
    saved = store.load(demo.id).actions[-1]
    assert (saved.owner, saved.due, saved.priority) == ("@dev-1", date(2026, 1, 20), "P1")

    session.apply(capture.parking_lot("Budget for load tests"))
    assert store.load(demo.id).parking_lot[-1] == "Budget for load tests"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda doc: capture.timeline_entry(doc, "25:99", "x"), "HH:MM"),
        (lambda doc: capture.timeline_entry(doc, "10:00", "  "), "event is required"),
        (lambda doc: capture.timeline_entry(doc, "2026-01-15T10:00", "x"), "offset"),
        (lambda doc: capture.why(" "), "why is required"),
        (lambda doc: capture.cause("", "x"), "category"),
        (lambda doc: capture.cause("c1", ""), "cause is required"),
        (lambda doc: capture.action("Fix", "", "2026-01-20"), "owner"),
        (lambda doc: capture.action("Fix", "@me", ""), "due date"),
        (lambda doc: capture.action("Fix", "@me", "next week"), "due date"),
        (lambda doc: capture.action("Fix", "@me", "2026-01-20", "urgent"), "P0, P1"),
        (lambda doc: capture.parking_lot(""), "topic is required"),
    ],
)
def test_incomplete_captures_are_refused(demo: Postmortem, make: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make(demo)  # type: ignore[operator]


def test_a_cause_under_a_non_category_is_refused(store: Store, demo: Postmortem) -> None:
    session = DocumentSession.open(store, demo.id)
    before = store.dump()
    with pytest.raises(ValidationError, match="categories"):
        session.apply(capture.cause("e", "x"))
    assert store.dump() == before


def test_a_capture_is_taken_back_even_after_later_edits(store: Store, demo: Postmortem) -> None:
    session = DocumentSession.open(store, demo.id)
    first = capture.parking_lot("Pager rota")
    session.apply(first)
    session.apply(capture.parking_lot("Dashboards"))
    category = capture.ishikawa_categories(session.doc)[0][0]
    cause = capture.cause(category, "pool_size.max_connections")
    session.apply(cause)
    later = capture.cause(category, "a later cause")
    session.apply(later)
    session.apply(capture.withdraw(first))
    session.apply(capture.withdraw(cause))
    doc = store.load(demo.id)
    assert doc.parking_lot[-1] == "Dashboards" and "Pager rota" not in doc.parking_lot
    texts = [data["text"] for _n, data in doc.ishikawa.nodes(data=True)]
    assert "a later cause" in texts and "pool_size.max_connections" not in texts
    with pytest.raises(ValidationError, match="no longer in the document"):
        session.apply(capture.withdraw(first))
    with pytest.raises(ValidationError, match="no longer in the diagram"):
        session.apply(capture.withdraw(cause))
    assert store.load(demo.id).parking_lot == doc.parking_lot


def test_a_meeting_ended_by_mistake_resumes_where_it_was(store: Store, demo: Postmortem) -> None:
    clock = FakeClock(T0)
    session = DocumentSession.open(store, demo.id)
    meeting = Meeting.plan(session, builtin_templates("en")[0], clock)
    meeting.start()
    clock.advance(MINUTE)
    meeting.finish()
    assert store.load(demo.id).meeting_agenda[0].ended_at is not None
    meeting.reopen()
    restored = Meeting.restore(DocumentSession.open(store, demo.id), clock)
    assert restored is not None and not restored.timer.finished
    assert store.load(demo.id).meeting_agenda[0].ended_at is None
