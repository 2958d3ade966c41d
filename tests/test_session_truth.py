"""The document session owns the truth: no lost update between windows or processes, "saved"
means on disk, a refused edit leaves nothing behind."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from app.demo import add_demo
from app.errors import ConflictError, LockedError, StoreError, ValidationError
from app.merge import MergeConflict, three_way
from app.session import DocumentSession, FieldChange, SnapshotChange
from app.store import Store
from app.vocabulary import Status
from tests.foundation_helpers import CONSOLE_SCRIPT, PROJECT, PYTHON


def _title(text: str) -> FieldChange:
    return FieldChange("Change title", lambda doc: doc, "title", text)


def _author(text: str) -> FieldChange:
    return FieldChange("Change author", lambda doc: doc, "author", text)


# -- two processes ----------------------------------------------------------------------------


def test_two_processes_making_200_edits_each_lose_none(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        doc = add_demo(store)
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [
                str(PYTHON),
                "-m",
                "tests.concurrent_edit_loop",
                str(db_path),
                doc.id,
                tag,
                "200",
                str(go),
            ],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    go.touch()
    acknowledged: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        acknowledged += [line.split()[1] for line in out.splitlines()]
    assert len(acknowledged) == 400
    with Store(db_path) as store:
        saved = store.load(doc.id)
    present = {entry.event for entry in saved.timeline} | set(saved.parking_lot)
    assert set(acknowledged) <= present, sorted(set(acknowledged) - present)[:5]
    for tag in ("A", "B"):  # each process's rows keep the order it made them in
        rows = [e.event for e in saved.timeline if e.event.startswith(f"{tag}-")]
        assert rows == [f"{tag}-{n}" for n in range(0, 200, 2)]


def test_twelve_rounds_of_two_concurrent_sign_commands_keep_both(
    db_path: Path, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        POSTMORTEM_STUDIO_DATA=str(tmp_path / "data"),
        POSTMORTEM_STUDIO_KEY_PASSPHRASE="long enough passphrase",
    )
    for round_number in range(12):
        with Store(db_path) as store:
            doc = add_demo(store)
        commands = [
            [
                str(CONSOLE_SCRIPT),
                "--db",
                str(db_path),
                "sign",
                doc.id,
                "--role",
                role,
                "--name",
                name,
            ]
            for role, name in (("prepared_by", "Camille Martin"), ("reviewed_by", "Julien Dubois"))
        ]
        children = [
            subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
            )
            for command in commands
        ]  # both started before either is waited for: they race
        results = [(child, *child.communicate(timeout=120)) for child in children]
        assert [c.returncode for c, _, _ in results] == [0, 0], [e for _, _, e in results]
        with Store(db_path) as store:
            roles = {s.role for s in store.load(doc.id).signoffs}
        assert roles == {"prepared_by", "reviewed_by"}, f"round {round_number}: {roles}"


# -- one session against another --------------------------------------------------------------


@pytest.fixture
def two_sessions(store: Store) -> tuple[DocumentSession, DocumentSession]:
    doc = add_demo(store)
    return DocumentSession.open(store, doc.id), DocumentSession.open(store, doc.id)


def test_an_edit_is_carried_over_a_version_saved_elsewhere(
    store: Store, two_sessions: tuple[DocumentSession, DocumentSession]
) -> None:
    first, second = two_sessions
    told: list[str] = []
    first.outside_listeners.append(told.append)
    second.apply(_author("Sofia Benali"))
    first.apply(_title("Titre de la première fenêtre"))
    saved = store.load(first.doc.id)
    assert (saved.title, saved.author) == ("Titre de la première fenêtre", "Sofia Benali")
    assert (first.doc.title, first.doc.author) == (saved.title, saved.author)
    assert first.saved and told and "changed elsewhere" in told[0]


def test_an_edit_that_no_longer_applies_is_refused_and_the_newer_version_shown(
    store: Store, two_sessions: tuple[DocumentSession, DocumentSession]
) -> None:
    first, second = two_sessions
    second.apply(_title("Titre B"))
    before = store.dump()
    with pytest.raises(ConflictError, match=r"changed elsewhere \(title was changed there too\)"):
        first.apply(_title("Titre A"))
    assert store.dump() == before, "nothing half-applied"
    assert first.doc.title == "Titre B" and first.saved
    first.apply(_title("Titre A"))  # applied on the version now shown
    assert store.load(first.doc.id).title == "Titre A"


def test_an_edit_of_a_postmortem_deleted_elsewhere_is_refused(
    store: Store, two_sessions: tuple[DocumentSession, DocumentSession]
) -> None:
    first, _second = two_sessions
    store.delete(first.doc.id)
    with pytest.raises(ConflictError, match="deleted elsewhere"):
        first.apply(_title("Trop tard"))
    assert first.saved


def test_an_edit_of_a_postmortem_approved_elsewhere_is_refused(
    store: Store, two_sessions: tuple[DocumentSession, DocumentSession]
) -> None:
    first, second = two_sessions
    second.apply(FieldChange("Approve", lambda doc: doc, "status", Status.APPROVED))
    with pytest.raises(LockedError, match="approved and locked elsewhere"):
        first.apply(_title("Trop tard"))
    assert first.doc.status == Status.APPROVED and first.saved
    assert store.load(first.doc.id).title != "Trop tard"


def test_reload_if_stale_and_unsubscribe(
    two_sessions: tuple[DocumentSession, DocumentSession],
) -> None:
    first, second = two_sessions
    heard: list[str] = []

    def listener(_doc: object, description: str) -> None:
        heard.append(description)

    first.subscribe(listener)
    assert not first.reload_if_stale()
    second.apply(_title("Ailleurs"))
    assert first.reload_if_stale() and first.doc.title == "Ailleurs"
    assert heard == ["Reloaded"]
    first.unsubscribe(listener)
    first.apply(_title("Ici"))
    assert heard == ["Reloaded"]


def test_redo_and_undo_refuse_to_overwrite_an_edit_made_elsewhere(
    store: Store, two_sessions: tuple[DocumentSession, DocumentSession]
) -> None:
    first, second = two_sessions

    def add(doc: object) -> None:
        doc.lucky.append("Équipe complète")  # type: ignore[attr-defined]

    change = SnapshotChange("Add a lucky point", add)
    first.apply(change)
    second.reload_if_stale()
    second.apply(_title("Autre titre"))
    first.revert(change)  # the title edit made elsewhere is kept
    saved = store.load(first.doc.id)
    assert "Équipe complète" not in saved.lucky and saved.title == "Autre titre"

    def owner(name: str) -> SnapshotChange:
        def mutate(doc: object) -> None:
            doc.actions[0].owner = name  # type: ignore[attr-defined]

        return SnapshotChange(f"Owner {name}", mutate)

    mine = owner("Équipe A")
    first.apply(mine)
    second.reload_if_stale()
    second.apply(owner("Équipe B"))
    with pytest.raises(ConflictError, match="no longer applies"):
        first.revert(mine)  # would overwrite the owner chosen elsewhere
    assert store.load(first.doc.id).actions[0].owner == "Équipe B"
    assert first.doc.actions[0].owner == "Équipe B"


# -- saved means saved ------------------------------------------------------------------------


def test_a_refused_save_takes_the_change_back_through_the_core_alone(store: Store) -> None:
    doc = add_demo(store)
    session = DocumentSession.open(store, doc.id)
    before = store.dump()
    with pytest.raises(ValidationError, match="invalid character"):
        session.apply(_title("lone \ud800 surrogate"))
    assert session.doc.title == doc.title, "the refused text is not kept in memory"
    assert session.saved and not session.pending
    assert store.dump() == before


def test_a_save_the_environment_stops_stays_pending_until_a_retry_works(
    db_path: Path, store: Store
) -> None:
    doc = add_demo(store)
    session = DocumentSession.open(store, doc.id)
    db_path.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(StoreError, match="read-only"):
            session.apply(_title("Pendant la panne"))
        assert not session.saved and session.doc.title == "Pendant la panne"
        with pytest.raises(StoreError):
            session.retry_pending()
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert session.retry_pending() and session.saved
    assert store.load(doc.id).title == "Pendant la panne"


# -- the merge itself -------------------------------------------------------------------------


def test_rows_added_on_both_sides_keep_their_places() -> None:
    base = {"rows": [{"id": "a"}, {"id": "b"}]}
    mine = {"rows": [{"id": "a"}, {"id": "m"}, {"id": "b"}]}
    theirs = {"rows": [{"id": "a"}, {"id": "b"}, {"id": "t"}]}
    assert three_way(base, mine, theirs) == {
        "rows": [{"id": "a"}, {"id": "m"}, {"id": "b"}, {"id": "t"}]
    }


def test_a_row_deleted_here_and_edited_there_is_a_conflict() -> None:
    base = {"actions": [{"id": "a1", "owner": "X"}]}
    with pytest.raises(MergeConflict, match="actions › a1"):
        three_way(base, {"actions": []}, {"actions": [{"id": "a1", "owner": "Y"}]})


def test_both_sides_reordering_is_a_conflict_one_side_is_kept() -> None:
    base = {"t": ["a", "b", "c"]}
    assert three_way(base, {"t": ["c", "a", "b"]}, {"t": ["a", "b", "c", "d"]}) == {
        "t": ["c", "d", "a", "b"]  # "d" stays right after the row it was added after
    }
    with pytest.raises(MergeConflict, match="order"):
        three_way(base, {"t": ["c", "a", "b"]}, {"t": ["b", "a", "c"]})


def test_signoffs_are_told_apart_by_role() -> None:
    base: dict[str, list[dict[str, str]]] = {"signoffs": []}
    mine = {"signoffs": [{"role": "prepared_by", "name": "A"}]}
    theirs = {"signoffs": [{"role": "reviewed_by", "name": "B"}]}
    merged = three_way(base, mine, theirs)
    assert {s["role"] for s in merged["signoffs"]} == {"prepared_by", "reviewed_by"}
