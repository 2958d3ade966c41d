"""A big archive stays quick: what opening, searching, recurrence and the CLI do (not how fast).

Speed itself is measured by ``bench/scale.py``; these tests pin the behaviour that makes it
possible and that a user relies on: damage is still found, answers are the same as comparing
every pair, commands do not load what they do not use.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.demo import add_demo, demo_document
from app.errors import StoreError
from app.metrics import compute_metrics
from app.model import Postmortem, Service
from app.recurrence import LINK_LIMIT, RecurrenceIndex, Signature, reasons, significant_words
from app.store import Store, migrations
from app.vocabulary import ActionStatus
from tests.foundation_helpers import run_cli
from tests.tracking_helpers import TODAY, fill

# -- opening and checking ------------------------------------------------------------------------


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def _damage_an_index(path: Path) -> None:
    """Overwrite the root page of an index: no table read on opening touches it."""
    with Store(path) as store:
        add_demo(store)
        for number in range(30):
            doc = demo_document()
            doc.id = f"copy-{number}"
            store.save(doc, "snapshot: filler")
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'revisions_by_postmortem'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    offset = (root - 1) * page_size
    data[offset : offset + page_size // 2] = b"\xa5" * (page_size // 2)
    path.write_bytes(bytes(data))


def test_a_store_marks_the_file_in_use_until_closed(db_path: Path) -> None:
    store = Store(db_path)
    markers = list(db_path.parent.glob(f"{db_path.name}.open-*"))
    assert len(markers) == 1
    store.close()
    assert not list(db_path.parent.glob(f"{db_path.name}.open-*"))


def test_the_full_check_runs_after_an_unclean_shutdown(db_path: Path) -> None:
    _damage_an_index(db_path)
    with Store(db_path) as store:  # a clean history: opening stays cheap, the damage unseen
        assert store.load(store.summaries()[0].id)
    stale = db_path.with_name(f"{db_path.name}.open-{_dead_pid()}-1")
    stale.touch()
    with pytest.raises(StoreError, match="damaged"):
        Store(db_path)
    assert stale.exists(), "the next open checks again"


def test_a_sound_file_after_an_unclean_shutdown_opens_and_forgets_the_marker(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        add_demo(store)
    stale = db_path.with_name(f"{db_path.name}.open-{_dead_pid()}-1")
    stale.touch()
    with Store(db_path) as store:
        assert len(store.summaries()) == 1
    assert not stale.exists()


def test_check_finds_damage_that_opening_does_not_look_for(db_path: Path) -> None:
    _damage_an_index(db_path)
    with Store(db_path) as store:
        assert store.check()
    result = run_cli("--db", db_path, "check")
    assert result.code == 1
    assert "restore a backup" in result.err


def test_check_on_a_sound_database(store: Store, demo: Postmortem) -> None:
    assert store.check() == []
    result = run_cli("--db", store.path, "check")
    assert result.code == 0 and "no damage found" in result.out


def test_check_notices_a_search_row_that_went_missing(store: Store, demo: Postmortem) -> None:
    store.flush_search()
    store._conn.execute("DELETE FROM postmortem_search")
    assert any("search" in problem for problem in store.check())


# -- search rows keyed by rowid -------------------------------------------------------------------


def _search_rows_match(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT count(*) FROM postmortems p JOIN postmortem_search s "
            "ON s.rowid = p.rowid AND s.postmortem_id = p.id"
        ).fetchone()[0]
        total = conn.execute("SELECT count(*) FROM postmortems").fetchone()[0]
        searched = conn.execute("SELECT count(*) FROM postmortem_search").fetchone()[0]
        return rows == total == searched
    finally:
        conn.close()


def test_each_save_replaces_the_one_search_row_of_its_postmortem(store: Store) -> None:
    doc = demo_document()
    seq = store.save(doc)
    other = demo_document()
    store.save(other)
    for word in ("chiffrement", "rotation", "certificat"):
        doc.summary = f"Les clés de {word} ont expiré"
        seq = store.save(doc, expected_seq=seq)
        assert [s.id for s in store.summaries(word)] == [doc.id]
    assert store.summaries("chiffrement") == []
    assert _search_rows_match(store.path)


def test_search_rows_wait_for_the_next_search_and_survive_a_crash(db_path: Path) -> None:
    store = Store(db_path)
    doc = demo_document()
    seq = store.save(doc)
    doc.summary = "Une panne de climatisation"
    seq = store.save(doc, expected_seq=seq)  # the search row is not rewritten on each key…
    conn = sqlite3.connect(db_path)
    waiting = conn.execute("SELECT postmortem_id FROM search_pending").fetchall()
    assert waiting == [(doc.id,)]
    conn.close()
    # …another program searching sees it: it writes what waits first
    with Store(db_path) as other:
        assert [s.id for s in other.summaries("climatisation")] == [doc.id]
    doc.summary = "Une panne de ventilation"
    store.save(doc, expected_seq=seq)
    store._conn.close()  # the process dies: nothing flushed, the list of what waits remains
    with Store(db_path) as reopened:
        assert [s.id for s in reopened.summaries("ventilation")] == [doc.id]
        assert reopened.summaries("climatisation") == []
    assert _search_rows_match(db_path)


def test_an_older_database_gets_its_search_rows_keyed_by_rowid(db_path: Path) -> None:
    step = next(m for m in migrations._migrations if m.name == "0002_search_by_rowid")
    migrations._migrations.remove(step)
    try:
        with Store(db_path) as old:
            docs = [add_demo(old) for _ in range(3)]
            docs[1].summary = "Incident du réseau de stockage"
            old.save(docs[1], expected_seq=1)
    finally:
        migrations._migrations.insert(1, step)
    with Store(db_path) as store:
        assert [s.id for s in store.summaries("reseau stockage")] == [docs[1].id]
        docs[2].summary = "Panne de climatisation"
        store.save(docs[2], expected_seq=1)
        assert [s.id for s in store.summaries("climatisation")] == [docs[2].id]
    assert db_path.with_name(f"{db_path.name}.before-0002_search_by_rowid.bak").exists()
    assert _search_rows_match(db_path)


# -- recurrence: the index gives the answers of comparing every pair -----------------------------

WORDS = ["pool", "connexion", "certificat", "expire", "disque", "plein", "cache", "vide"]
signatures = st.builds(
    Signature,
    tags=st.frozensets(st.sampled_from(["k8s", "db", "dns"]), max_size=2),
    services=st.frozensets(st.sampled_from(["pay", "api"]), max_size=1),
    categories=st.frozensets(st.sampled_from(["tools", "code", "people"]), max_size=2),
    root_cause_words=st.frozensets(st.sampled_from(WORDS), max_size=4),
)


def _pairs_by_comparing_all(signed: dict[str, Signature]) -> dict[tuple[str, str], tuple[str, ...]]:
    found = {}
    for first, second in combinations(sorted(signed), 2):
        why = reasons(signed[first], signed[second])
        if why:
            found[(first, second)] = why
    return found


@settings(max_examples=60, deadline=None)
@given(st.lists(signatures, min_size=1, max_size=9), st.lists(signatures, max_size=4))
def test_recurrence_index_matches_comparing_every_pair(
    first: list[Signature], edits: list[Signature]
) -> None:
    signed = {f"pm{number}": signature for number, signature in enumerate(first)}
    index = RecurrenceIndex()
    day = date(2026, 1, 1)
    for number, (postmortem_id, signature) in enumerate(signed.items()):
        index.put(postmortem_id, postmortem_id, day + timedelta(days=number), "", signature)
    for number, signature in enumerate(edits):  # edits replace a postmortem's signature
        postmortem_id = f"pm{number % len(signed)}"
        signed[postmortem_id] = signature
        index.put(
            postmortem_id, postmortem_id, day + timedelta(days=number % len(signed)), "", signature
        )
    expected = _pairs_by_comparing_all(signed)
    links, complete = index.links()
    assert complete
    assert {(link.first_id, link.second_id): link.reasons for link in links} == expected
    assert index.recurring_ids() == {pid for pair in expected for pid in pair}


def _archive_doc(number: int) -> Postmortem:
    return Postmortem(
        id=f"pm{number:03d}",
        title=f"Incident {number}",
        incident_date=date(2025, 1, 1) + timedelta(days=number),
        services=[Service("payments")],
        tags=[f"tag{number % 7}"],
        root_cause=f"unique cause {number} " + " ".join(f"w{number}x{k}" for k in range(4)),
    )


def test_a_big_archive_lists_groups_and_the_most_specific_links(store: Store) -> None:
    for number in range(40):  # 780 pairs share the service
        store.save(_archive_doc(number))
    metrics = compute_metrics(store, TODAY)
    assert metrics.recurring_postmortems == 40 and metrics.recurrence_rate == 1.0
    assert not metrics.links_complete and len(metrics.recurrence) == LINK_LIMIT
    groups = {(g.reason, g.key): g.postmortem_ids for g in metrics.recurrence_groups}
    assert len(groups[("services", "payments")]) == 40
    assert groups[("tags", "tag0")][:2] == ("pm000", "pm007")  # oldest first
    # the 95 pairs that share a tag (groups of 5 or 6) are listed before any of the 780 pairs
    # that share only the service everyone has
    listed = {(link.first_id, link.second_id) for link in metrics.recurrence}
    same_tag = {
        (f"pm{a:03d}", f"pm{b:03d}") for a, b in combinations(range(40), 2) if a % 7 == b % 7
    }
    assert len(same_tag) == 95 and same_tag <= listed
    text = run_cli("--db", store.path, "metrics", "--today", "2026-03-01").out
    assert "services: payments — 40 postmortems" in text


def test_an_edit_changes_only_that_postmortem_in_the_figures(store: Store) -> None:
    from app.metrics import MetricsIndex

    fill(store)
    index = MetricsIndex.load(store, TODAY)
    assert index.metrics().recurring_postmortems == 2
    bare, seq = store.load_versioned("bare")
    bare.tags = ["kubernetes"]
    store.save(bare, expected_seq=seq)
    index.update(bare)
    assert index.metrics().recurring_postmortems == 3
    assert index.metrics() == compute_metrics(store, TODAY)


def test_root_cause_words_ignore_case_accents_and_short_words() -> None:
    assert significant_words("Le Réseau a été saturé") == {"reseau", "sature"}


# -- start-up: commands load only what they use ---------------------------------------------------

PROBE = """
import sys
from ui.launcher import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = [name for name in ("networkx", "sqlite_utils", "reportlab", "PySide6", "pyhanko", "ftfy")
         if name in sys.modules]
print("LOADED", ",".join(heavy))
"""


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--version"], set()),
        (["list"], set()),
        (["list", "--search", "paiement"], set()),
        (["metrics", "--json"], set()),
    ],
    ids=["version", "list", "search", "metrics"],
)
def test_commands_do_not_import_what_they_do_not_use(
    db_path: Path, args: list[str], allowed: set[str]
) -> None:
    with Store(db_path) as store:
        add_demo(store)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded = done.stdout.rsplit("LOADED", 1)[1].strip()
    assert set(filter(None, loaded.split(","))) <= allowed


def test_the_command_table_names_what_each_module_registers() -> None:
    import argparse
    import importlib

    from app.cli import COMMAND_TABLE

    for module_name, (commands, _extends) in COMMAND_TABLE.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        for other in ("app.commands.interchange",):  # modules that extend need their host
            if other != module_name:
                importlib.import_module(other).register(sub)
        registered = importlib.import_module(module_name).register(sub)
        assert tuple(registered) == commands, module_name


def test_help_still_lists_every_command() -> None:
    result = run_cli("--help")
    for command in ("list", "show", "metrics", "check", "sign", "export"):
        assert command in result.out
    assert run_cli("nonsense").code == 2


def test_figures_follow_a_document_written_without_its_stored_facts(store: Store) -> None:
    """Another version of the app saves the document but not the facts beside it."""
    import json

    fill(store)
    assert compute_metrics(store, TODAY).recurring_postmortems == 2
    data = json.loads(store.query("SELECT doc FROM postmortems WHERE id = 'bare'")[0][0])
    data["tags"] = ["kubernetes"]
    store.db.execute(
        "UPDATE postmortems SET doc = ?, tags = ?, seq = seq + 1 WHERE id = 'bare'",
        (json.dumps(data, ensure_ascii=False), json.dumps(data["tags"])),
    )
    assert compute_metrics(store, TODAY).recurring_postmortems == 3


def test_facts_of_a_document_equal_those_read_from_its_stored_form(store: Store) -> None:
    from app.facts import facts_from_json, facts_from_row, facts_of
    from app.queries import metric_rows

    fill(store)
    for row in metric_rows(store, ["db", "api", "bare"]):
        from_document = facts_of(store.load(row[0]))
        assert facts_from_row(row, store.path) == from_document
        stored = store.query("SELECT facts FROM postmortem_facts WHERE postmortem_id = ?", [row[0]])
        assert facts_from_json(row[0], stored[0][0]) == from_document


def test_a_damaged_document_waiting_for_its_search_row_does_not_stop_searches(
    db_path: Path,
) -> None:
    with Store(db_path) as store:
        damaged, sound = demo_document(), demo_document()
        store.save(damaged)
        store.save(sound)
        store.flush_search()
        sound_seq = store.load_versioned(sound.id)[1]
        sound.summary = "Panne de climatisation"
        store.save(sound, expected_seq=sound_seq)
        damaged.summary = "Panne de ventilation"
        store.save(damaged, expected_seq=1)
        store._conn.close()  # dies with both search rows waiting
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE postmortems SET doc = '{broken' WHERE id = ?", (damaged.id,))
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        assert [s.id for s in store.summaries("climatisation")] == [sound.id]
        with pytest.raises(StoreError, match="damaged"):
            store.load(damaged.id)


# -- the actions mirror and the deleted list -----------------------------------------------------


def _actions_mirror(path: Path, postmortem_id: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, position, action, owner, status FROM actions WHERE postmortem_id = ? "
            "ORDER BY position",
            (postmortem_id,),
        ).fetchall()
    finally:
        conn.close()


def _expected_mirror(doc: Postmortem) -> list[tuple[object, ...]]:
    return [(a.id, i, a.action, a.owner, a.status.value) for i, a in enumerate(doc.actions)]


def _rows_written_by_one_owner_change(store: Store, actions: int) -> int:
    doc = demo_document()
    doc.id = f"with-{actions}-actions"
    template = doc.actions[0]
    doc.actions = [
        replace(template, id=f"a{number}", action=f"Step {number}") for number in range(actions)
    ]
    seq = store.save(doc)
    before = store._conn.total_changes
    doc.actions[actions // 2].owner = "Someone else"
    store.save(doc, expected_seq=seq)
    return store._conn.total_changes - before


def test_editing_one_action_writes_one_row_of_the_mirror_however_many_there_are(
    store: Store,
) -> None:
    assert _rows_written_by_one_owner_change(store, 5) == _rows_written_by_one_owner_change(
        store, 80
    )


def test_the_actions_mirror_follows_edits_moves_and_removals_from_any_connection(
    db_path: Path,
) -> None:
    store = Store(db_path)
    doc = demo_document()
    seq = store.save(doc)
    doc.actions[0].owner = "Camille"
    doc.actions.append(replace(doc.actions[1], id="added", action="A new one"))
    seq = store.save(doc, expected_seq=seq)
    assert _actions_mirror(db_path, doc.id) == _expected_mirror(doc)
    doc.actions.reverse()
    del doc.actions[1]
    seq = store.save(doc, expected_seq=seq)
    assert _actions_mirror(db_path, doc.id) == _expected_mirror(doc)
    store.close()
    with Store(db_path) as other:  # a connection that did not write the rows it replaces
        fresh, seq = other.load_versioned(doc.id)
        fresh.actions[-1].status = ActionStatus.DONE
        fresh.actions.pop(0)
        other.save(fresh, expected_seq=seq)
        assert _actions_mirror(db_path, doc.id) == _expected_mirror(fresh)


def test_the_deleted_list_comes_from_one_query_in_the_list_order(store: Store) -> None:
    kept = demo_document()
    store.save(kept)
    gone = []
    for number in range(3):
        doc = demo_document()
        doc.id = f"gone-{number}"
        doc.incident_date = date(2025, 1, 1 + number)
        store.save(doc)
        store.delete(doc.id)
        gone.append(doc.id)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        listed = [s.id for s in store.deleted()]
    finally:
        store._conn.set_trace_callback(None)
    assert listed == list(reversed(gone))
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
