"""Hypothesis strategies for whole postmortem documents (shared by the round-trip tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

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
from app.vocabulary import (
    ActionStatus,
    AnnexKind,
    Attendance,
    Audience,
    Marker,
    Priority,
    ServiceState,
    Status,
)

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be stored
    max_size=40,
)
_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
_times = st.builds(
    lambda naive, tz: naive.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)),
    _offsets | st.just(UTC),
)
_dates = st.dates(min_value=date(1971, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def whys_graphs(draw: st.DrawFn) -> Any:
    graph = new_whys(draw(_text))
    count = draw(st.integers(min_value=0, max_value=6))
    for index in range(count):
        node = f"w{index}"
        graph.add_node(
            node,
            text=draw(_text),
            answer=draw(_text),
            role="why",
            root_cause=draw(st.booleans()),
            order=index,
        )
        parent = draw(st.sampled_from(["p", *[f"w{i}" for i in range(index)]]))
        graph.add_edge(parent, node)
    return graph


@st.composite
def ishikawa_graphs(draw: st.DrawFn) -> Any:
    categories = draw(st.lists(_text, min_size=1, max_size=6))
    graph = new_ishikawa(draw(_text), tuple(categories))
    parents = [f"c{index + 1}" for index in range(len(categories))]
    for index in range(draw(st.integers(min_value=0, max_value=6))):
        node = f"k{index}"
        graph.add_node(
            node,
            text=draw(_text),
            answer="",
            role="cause",
            root_cause=draw(st.booleans()),
            order=index,
        )
        graph.add_edge(draw(st.sampled_from(parents)), node)
        parents.append(node)
    return graph


_rows = {
    "participants": st.builds(
        Participant, name=_text, role=_text, attendance=st.sampled_from(list(Attendance))
    ),
    "services": st.builds(Service, name=_text, state=st.sampled_from(list(ServiceState))),
    "impact": st.builds(ImpactRow, metric=_text, value=_text, target=_text),
    "communications": st.builds(
        Communication,
        audience=st.sampled_from(list(Audience)),
        text=_text,
        channel=_text,
        at=st.none() | _times,
    ),
    "annexes": st.builds(Annex, title=_text, kind=st.sampled_from(list(AnnexKind)), content=_text),
    "signoffs": st.builds(
        SignOff, role=_text, name=_text, title=_text, signed_at=st.none() | _times, digest=_text
    ),
    "meeting_agenda": st.builds(
        AgendaStepRecord,
        title=_text,
        planned_seconds=st.integers(min_value=0, max_value=10**6),
        started_at=st.none() | _times,
        ended_at=st.none() | _times,
        spent_seconds=st.floats(min_value=0, max_value=1e7, allow_nan=False),
    ),
}


@st.composite
def documents(draw: st.DrawFn) -> Postmortem:
    return Postmortem(
        id=draw(st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True)),
        title=draw(_text),
        incident_date=draw(st.none() | _dates),
        started_at=draw(st.none() | _times),
        resolved_at=draw(st.none() | _times),
        severity=draw(st.sampled_from(["", "P0", "P1", "P2", "P3"])),
        status=draw(st.sampled_from(list(Status))),
        reviewers=draw(st.lists(_text, max_size=3)),
        tags=draw(st.lists(_text, max_size=3)),
        language=draw(st.sampled_from(["en", "fr"])),
        summary=draw(_text),
        timeline=draw(
            st.lists(
                st.builds(
                    TimelineEntry,
                    at=_times,
                    event=_text,
                    actor=_text,
                    notes=_text,
                    marker=st.none() | st.sampled_from(list(Marker)),
                ),
                max_size=4,
            )
        ),
        whys=draw(whys_graphs()),
        ishikawa=draw(ishikawa_graphs()),
        actions=draw(
            st.lists(
                st.builds(
                    Action,
                    action=_text,
                    owner=_text,
                    due=st.none() | _dates,
                    priority=st.sampled_from(list(Priority)),
                    status=st.sampled_from(list(ActionStatus)),
                    causes=st.lists(_text, max_size=2),
                ),
                max_size=3,
            )
        ),
        lessons=draw(st.lists(st.builds(Lesson, audience=_text, text=_text), max_size=3)),
        parking_lot=draw(st.lists(_text, max_size=2)),
        revision=draw(st.integers(min_value=1, max_value=10**6)),
        root_cause=draw(_text),
        went_well=draw(st.lists(_text, max_size=2)),
        acknowledgements=draw(_text),
        blameless_note=draw(_text),
        **{name: draw(st.lists(rows, max_size=2)) for name, rows in _rows.items()},
    )
