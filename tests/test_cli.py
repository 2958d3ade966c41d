"""The command line: what a user types, what they read back, and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from app.jsonio import document_to_json
from app.store import Store
from tests.foundation_helpers import (
    CONSOLE_SCRIPT,
    EMOJI,
    ONE_MB,
    PROJECT,
    PYTHON,
    RTL,
    CliResult,
    assert_one_line_error,
    database_files,
    dump,
    hostile_document,
    run_cli,
    run_console,
)

# -- the demo, as seed 000 tells it ----------------------------------------------------------

SEED_TIMELINE = [
    ("14:00:00", "Déploiement de payment-service v1.2.0", "CI/CD Pipeline"),
    ("14:00:15", "Premiers pods démarrés", "Kubernetes"),
    ("14:00:20", "HighErrorRate", "Prometheus"),
    ("14:00:25", "Équipe SRE notifiée via PagerDuty", "Alertmanager"),
    ("14:01:00", "Investigation démarrée", "SRE Engineer"),
    ("14:02:00", "pods non prêts reçoivent du trafic", "SRE Engineer"),
    ("14:03:00", "vers v1.1.0", "SRE Engineer"),
    ("14:05:00", "Rollback exécuté", "kubectl"),
    ("14:08:00", "Nouveaux pods healthy", "Kubernetes"),
    ("14:10:00", "Success Rate revient à 100", "Prometheus"),
    ("14:12:00", "Incident résolu, monitoring continu", "SRE Team"),
]
SEED_WHYS = [
    ("Pourquoi le service était-il indisponible ?", "erreurs 503"),
    ("Pourquoi les requêtes retournaient-elles 503 ?", "n'étaient pas prêts"),
    ("Pourquoi les pods recevaient-ils du trafic alors qu'ils n'étaient pas prêts ?", "trop tôt"),
    ("Pourquoi Kubernetes les marquait-il comme « Ready » trop tôt ?", "pas de readinessProbe"),
    ("Pourquoi n'y avait-il pas de readinessProbe ?", "(Golden Path) ne l'incluait pas"),
]
SEED_ACTIONS = [
    ("Ajouter readinessProbe au payment-service", "Team Payments", "2026-01-16", "done"),
    (
        "Mettre à jour le Golden Path template avec readinessProbe obligatoire",
        "Platform Team",
        "2026-01-18",
        "in_progress",
    ),
    (
        "Créer une ClusterPolicy Kyverno pour exiger readinessProbe",
        "Platform Team",
        "2026-01-20",
        "todo",
    ),
    ("Implémenter Canary deployments avec Argo Rollouts", "DevOps Team", "2026-01-25", "todo"),
    ("Ajouter des tests de charge en staging", "QA Team", "2026-01-30", "todo"),
    (
        "Créer un PodDisruptionBudget pour tous les services critiques",
        "SRE Team",
        "2026-01-22",
        "todo",
    ),
    ("Documenter les best practices de health checks", "Tech Writers", "2026-02-01", "todo"),
]
SEED_IMPACT_METRICS = [
    "Durée totale",
    "Utilisateurs impactés",
    "Transactions échouées",
    "Perte de revenus estimée",
    "Success Rate minimum",
    "Error Budget consommé",
]


def _demo(db: Path) -> str:
    result = run_cli("--db", db, "demo")
    assert result.code == 0, result
    return result.out.strip()


def test_demo_then_show_json_gives_every_section_of_seed_000(db_path: Path) -> None:
    demo_id = _demo(db_path)
    result = run_cli("--db", db_path, "show", demo_id, "--json")
    assert result.code == 0 and result.err == ""
    doc = json.loads(result.out)

    assert doc["id"] == demo_id
    assert doc["title"] == "Panne du payment-service : pods sans readinessProbe"
    assert doc["incident_date"] == "2026-01-15"
    assert doc["severity"] == "P1"
    assert "panne de 12 minutes" in doc["summary"] and "200 utilisateurs" in doc["summary"]
    assert [row["metric"] for row in doc["impact"]] == SEED_IMPACT_METRICS
    assert doc["impact"][4] == {
        "metric": "Success Rate minimum",
        "value": "95 %",
        "target": "99.9 %",
    }
    assert [(s["name"], s["state"]) for s in doc["services"]] == [
        ("payment-service", "down"),
        ("backend-api", "degraded"),
        ("frontend-app", "ok"),
    ]

    timeline = doc["timeline"]
    assert len(timeline) == 11
    for row, (clock, event, actor) in zip(timeline, SEED_TIMELINE, strict=True):
        assert row["at"] == f"2026-01-15T{clock}+01:00"
        assert event in row["event"]
        assert row["actor"] == actor

    nodes = {node["id"]: node for node in doc["whys"]["nodes"]}
    chain = ["p"]
    edges = {edge["source"]: edge["target"] for edge in doc["whys"]["edges"]}
    while chain[-1] in edges:
        chain.append(edges[chain[-1]])
    whys = [nodes[node] for node in chain[1:]]
    assert len(whys) == 5
    for node, (question, answer) in zip(whys, SEED_WHYS, strict=True):
        assert node["text"] == question
        assert answer in node["answer"]
    assert whys[-1]["root_cause"] is True
    assert doc["root_cause"].startswith("Absence de readinessProbe dans le Deployment")
    categories = [n["text"] for n in doc["ishikawa"]["nodes"] if n["role"] == "category"]
    assert categories == ["Personnes", "Processus", "Outils", "Environnement", "Code", "Monitoring"]

    assert len(doc["went_well"]) == 5 and doc["went_well"][0].startswith("Détection rapide")
    assert len(doc["went_wrong"]) == 5 and "Documentation manquante" in doc["went_wrong"][4]
    actions = [(a["action"], a["owner"], a["due"], a["status"]) for a in doc["actions"]]
    assert actions == SEED_ACTIONS

    audiences: dict[str, list[str]] = {}
    for lesson in doc["lessons"]:
        audiences.setdefault(lesson["audience"], []).append(lesson["text"])
    assert sorted(audiences) == ["developers", "organization", "platform_team"]
    assert all(len(texts) == 2 for texts in audiences.values())
    assert "27 % du budget mensuel" in audiences["organization"][1]

    assert "Database connection timeout" in doc["annexes"][0]["content"]
    assert "Merci à l'équipe SRE" in doc["acknowledgements"]
    assert doc["blameless_note"].startswith("Ce postmortem est blameless")


def test_show_as_text_gives_the_derived_times(db_path: Path) -> None:
    demo_id = _demo(db_path)
    result = run_cli("--db", db_path, "show", demo_id)
    assert result.code == 0
    assert "Duration      : 12 min" in result.out
    assert "Time to detect: 20 s" in result.out
    assert "Time to mitigate: 10 min" in result.out
    assert "Timeline (11 entries)" in result.out
    assert "Corrective actions (7)" in result.out


def test_list_as_table_and_json(db_path: Path) -> None:
    empty = run_cli("--db", db_path, "list")
    assert empty.code == 0 and empty.out == "" and "postmortem-studio demo" in empty.err
    demo_id = _demo(db_path)
    table = run_cli("--db", db_path, "list")
    assert table.code == 0
    assert demo_id in table.out and "2026-01-15" in table.out and "in_review" in table.out
    rows = json.loads(run_cli("--db", db_path, "list", "--json").out)
    assert [(r["id"], r["severity"], r["status"]) for r in rows] == [(demo_id, "P1", "in_review")]
    found = json.loads(run_cli("--db", db_path, "list", "--json", "--search", "deploiement").out)
    assert [r["id"] for r in found] == [demo_id]


def test_the_database_comes_from_the_environment_unless_db_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("POSTMORTEM_STUDIO_DB", str(from_env))
    assert run_cli("demo").code == 0
    assert from_env.exists()
    explicit = tmp_path / "explicit.sqlite3"
    assert run_cli("--db", explicit, "demo").code == 0
    assert len(json.loads(run_cli("list", "--json").out)) == 1
    assert len(json.loads(run_cli("--db", explicit, "list", "--json").out)) == 1


def test_no_command_and_bad_usage_exit_2(db_path: Path) -> None:
    assert run_cli("--db", db_path).code == 2
    assert run_cli("--db", db_path, "frobnicate").code == 2
    assert run_cli("--db", db_path, "export", "x").code == 2  # --format and -o missing


# -- round trips through the CLI ----------------------------------------------------------


def _round_trip(source: Path, tmp_path: Path, label: str) -> list[bytes]:
    """Import into a fresh database and export, three times; returns each export's bytes."""
    exports: list[bytes] = []
    current = source
    for step in range(3):
        db = tmp_path / f"{label}-{step}.sqlite3"
        imported = run_cli("--db", db, "import", current)
        assert imported.code == 0, imported
        doc_id = imported.out.strip()
        target = tmp_path / f"{label}-{step}.json"
        exported = run_cli("--db", db, "export", doc_id, "--format", "json", "-o", target)
        assert exported.code == 0, exported
        exports.append(target.read_bytes())
        current = target
    return exports


def test_demo_export_import_export_is_byte_identical(db_path: Path, tmp_path: Path) -> None:
    demo_id = _demo(db_path)
    first = tmp_path / "demo.json"
    assert run_cli("--db", db_path, "export", demo_id, "--format", "json", "-o", first).code == 0
    exports = _round_trip(first, tmp_path, "demo")
    assert all(data == first.read_bytes() for data in exports)


def test_hostile_document_export_import_export_is_byte_identical(tmp_path: Path) -> None:
    source = tmp_path / "hostile.json"
    source.write_text(document_to_json(hostile_document()), encoding="utf-8")
    exports = _round_trip(source, tmp_path, "hostile")
    assert all(data == source.read_bytes() for data in exports)
    text = exports[-1].decode("utf-8")
    assert EMOJI in text and RTL in text and "<script>alert('x')</script>" in text
    assert ONE_MB in text
    shown = run_cli("--db", tmp_path / "hostile-2.sqlite3", "show", "hostile-1")
    assert shown.code == 0 and RTL in shown.out and ONE_MB in shown.out


def test_importing_an_existing_id_keeps_both(db_path: Path, tmp_path: Path) -> None:
    demo_id = _demo(db_path)
    exported = tmp_path / "demo.json"
    run_cli("--db", db_path, "export", demo_id, "--format", "json", "-o", exported)
    again = run_cli("--db", db_path, "import", exported)
    assert again.code == 0
    assert f"id {demo_id} is already in the database" in again.err
    assert again.out.strip() != demo_id
    assert len(json.loads(run_cli("--db", db_path, "list", "--json").out)) == 2


# -- bad input: clear message, non-zero exit, database unchanged ----------------------------


def _cycle_document() -> str:
    data = json.loads(document_to_json(hostile_document(big_field=False)))
    data["whys"]["edges"].append({"source": "w2", "target": "w1"})
    return json.dumps(data)


BAD_IMPORTS = {
    "invalid.json": ('{"format_version": 1, "title": ', "not valid JSON"),
    "future.json": ('{"format_version": 7, "title": "x"}', "format_version 7 is not supported"),
    "cycle.json": (_cycle_document(), "contains a cycle"),
    "surrogate.json": ('{"format_version": 1, "title": "\\udc80"}', "invalid character"),
    "nooffset.json": (
        '{"format_version": 1, "timeline": [{"at": "2026-01-15T14:00:00", "event": "x"}]}',
        "no UTC offset",
    ),
    "report.pdf": ("%PDF-1.7", "unknown file type"),
}


@pytest.mark.parametrize("name", sorted(BAD_IMPORTS))
def test_a_bad_import_is_refused_and_changes_nothing(
    db_path: Path, tmp_path: Path, name: str
) -> None:
    _demo(db_path)
    before = dump(db_path)
    content, fragment = BAD_IMPORTS[name]
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    result = run_cli("--db", db_path, "import", bad)
    assert_one_line_error(result, fragment)
    assert result.code == 2
    assert dump(db_path) == before


def test_unreadable_import_files_are_refused(db_path: Path, tmp_path: Path) -> None:
    _demo(db_path)
    before = dump(db_path)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format_version": 1, "title": "déjà"}'.encode("latin-1"))
    assert_one_line_error(run_cli("--db", db_path, "import", latin1), "not UTF-8")
    assert_one_line_error(
        run_cli("--db", db_path, "import", tmp_path / "nope.json"), "no such file"
    )
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert_one_line_error(run_cli("--db", db_path, "import", folder), "is a folder")
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: takes no disk space or time
        handle.truncate(65 * 2**20)
    assert_one_line_error(run_cli("--db", db_path, "import", huge), "larger than 64 MB")
    assert dump(db_path) == before


def test_an_unknown_id_is_refused_and_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    _demo(db_path)
    rows = dump(db_path)
    before = database_files(db_path)
    for args in (
        ("show", "nope"),
        ("show", "nope", "--json"),
        ("export", "nope", "--format", "json", "-o", tmp_path / "x.json"),
    ):
        result = run_cli("--db", db_path, *args)
        assert_one_line_error(result, "No postmortem has the id 'nope'")
        assert result.code == 2
    assert not (tmp_path / "x.json").exists()
    assert database_files(db_path) == before
    assert dump(db_path) == rows


def test_export_to_a_missing_folder_or_unknown_format(db_path: Path, tmp_path: Path) -> None:
    demo_id = _demo(db_path)
    missing = tmp_path / "missing" / "out.json"
    result = run_cli("--db", db_path, "export", demo_id, "--format", "json", "-o", missing)
    assert_one_line_error(result, "does not exist")
    folder = tmp_path / "taken"
    folder.mkdir()
    result = run_cli("--db", db_path, "export", demo_id, "--format", "json", "-o", folder)
    assert_one_line_error(result, "is a folder; give a file name")
    assert result.code == 2
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))
    earlier = tmp_path / "earlier.json"
    earlier.write_text("{}", encoding="utf-8")
    result = run_cli("--db", db_path, "export", demo_id, "--format", "md", "-o", earlier)
    assert_one_line_error(result, "--format md does not match the file name earlier.json")
    assert result.code == 2
    assert earlier.read_text(encoding="utf-8") == "{}"
    result = run_cli("--db", db_path, "export", demo_id, "--format", "docx", "-o", tmp_path / "x")
    assert_one_line_error(result, "unknown export format 'docx'")
    assert result.code == 2


def _damaged_copies(good: Path, folder: Path) -> dict[str, Path]:
    data = good.read_bytes()
    files = {
        "not-sqlite": b"name,owner\nrollback,SRE\n",
        "truncated": data[: len(data) // 2],
        "cut-header": data[:10],
        "corrupt": data[:4096] + b"\xa5" * (len(data) - 4096),
    }
    paths = {}
    for name, content in files.items():
        path = folder / f"{name}.sqlite3"
        path.write_bytes(content)
        paths[name] = path
    newer = folder / "newer.sqlite3"
    shutil.copyfile(good, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('postmortem-studio', '0042_future', 'x')"
        )
    conn.close()
    paths["newer"] = newer
    return paths


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("not-sqlite", "not a Postmortem Studio database"),
        ("truncated", "damaged"),
        ("cut-header", "truncated"),
        ("corrupt", "damaged"),
        ("newer", "newer version"),
    ],
)
def test_a_bad_database_file_exits_1_and_is_left_as_it_was(
    db_path: Path, tmp_path: Path, name: str, fragment: str
) -> None:
    _demo(db_path)
    bad = _damaged_copies(db_path, tmp_path)[name]
    before = bad.read_bytes()
    for args in (("list",), ("demo",), ("import", PROJECT / "resources/demo/payment-service.json")):
        result = run_cli("--db", bad, *args)
        assert_one_line_error(result, fragment)
        assert result.code == 1
        assert bad.read_bytes() == before
        assert database_files(bad)["-wal"] is None


def test_a_database_path_in_a_missing_folder(tmp_path: Path) -> None:
    result = run_cli("--db", tmp_path / "nowhere" / "db.sqlite3", "demo")
    assert_one_line_error(result, "does not exist")
    assert result.code == 1
    assert not (tmp_path / "nowhere").exists()


# -- read-only folders and files -------------------------------------------------------------
# Root ignores permission bits (CAP_DAC_OVERRIDE), so chmod alone proves nothing when the tests
# run as root. ``setpriv`` drops every capability for the child process: it stays the files'
# owner but the kernel now enforces the read-only bits, so SQLite meets a real EACCES/EROFS.


DROP_CAPABILITIES = ("--bounding-set=-all", "--inh-caps=-all", "--no-new-privs")


def _run_unprivileged(*args: str | Path) -> CliResult:
    command = [str(PYTHON), "-m", "app.cli", *map(str, args)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        probe = [setpriv, *DROP_CAPABILITIES, "true"] if setpriv else None
        if probe is None or subprocess.run(probe, capture_output=True, check=False).returncode:
            pytest.skip("running as root and unable to drop capabilities: permissions not enforced")
        command = [str(setpriv), *DROP_CAPABILITIES, *command]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=PROJECT, timeout=60, check=False
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def test_a_new_database_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = _run_unprivileged("--db", folder / "new.sqlite3", "demo")
        assert_one_line_error(result, "read-only")
        assert result.code == 1
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_an_existing_database_in_a_read_only_folder(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    locked = folder / "db.sqlite3"
    _demo(locked)
    before, rows = locked.read_bytes(), dump(locked)
    folder.chmod(0o555)
    try:
        for args in (("demo",), ("list",)):
            result = _run_unprivileged("--db", locked, *args)
            assert_one_line_error(result, "read-only")
            assert result.code == 1
        assert sorted(p.name for p in folder.iterdir()) == ["db.sqlite3"]
    finally:
        folder.chmod(0o755)
    assert locked.read_bytes() == before
    assert dump(locked) == rows


def test_a_read_only_database_file(db_path: Path) -> None:
    _demo(db_path)
    before, rows = db_path.read_bytes(), dump(db_path)
    db_path.chmod(0o444)
    try:
        result = _run_unprivileged("--db", db_path, "demo")
        assert_one_line_error(result, "read-only")
        assert result.code == 1
    finally:
        db_path.chmod(0o644)
    assert db_path.read_bytes() == before
    assert dump(db_path) == rows


# -- the real console script -------------------------------------------------------------


def test_the_console_script_exit_codes(db_path: Path, tmp_path: Path) -> None:
    if not CONSOLE_SCRIPT.exists():
        pytest.skip("the package is not installed in .venv")
    made = run_console("--db", db_path, "demo")
    assert made.code == 0 and made.err == ""
    demo_id = made.out.strip()

    missing = run_console("--db", db_path, "show", "nope")
    assert_one_line_error(missing, "No postmortem has the id 'nope'")
    assert missing.code == 2

    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("plain text", encoding="utf-8")
    broken = run_console("--db", not_db, "list")
    assert_one_line_error(broken, "not a Postmortem Studio database")
    assert broken.code == 1
    with Store(db_path) as store:
        assert [s.id for s in store.summaries()] == [demo_id]

    unknown_option = run_console("--db", db_path, "--bogus")
    assert unknown_option.code == 2
    assert "unrecognized arguments: --bogus" in unknown_option.err


# -- output a terminal or a script can rely on ---------------------------------------------


def test_show_json_is_the_export_byte_for_byte(db_path: Path, tmp_path: Path) -> None:
    demo_id = _demo(db_path)
    target = tmp_path / "export.json"
    run_cli("--db", db_path, "export", demo_id, "--format", "json", "-o", target)
    shown = run_cli("--db", db_path, "show", demo_id, "--json")
    assert shown.out.encode("utf-8") == target.read_bytes()


def test_a_terminal_without_unicode_gets_replacements_and_exact_json(db_path: Path) -> None:
    demo_id = _demo(db_path)
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(PYTHON), "-m", "app.cli", "--db", str(db_path), *args],
            capture_output=True,
            cwd=PROJECT,
            env=env,
            timeout=60,
            check=False,
        )

    text = run("show", demo_id)
    assert text.returncode == 0, text.stderr
    assert b"Rollback ex?cut?" in text.stdout
    as_json = run("show", demo_id, "--json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout.decode("utf-8"))["timeline"][7]["event"] == "Rollback exécuté"


def test_an_internal_error_is_one_line_and_logged(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.commands.listing as listing

    def broken(*args: object) -> int:
        raise RuntimeError("a bug in the list command")

    monkeypatch.setattr(listing, "run", broken)
    result = run_cli("--db", db_path, "list")
    assert result.code == 70
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "internal error" in result.err and "Traceback" not in result.err
    log = tmp_path / "userdata" / "postmortem-studio.log"
    assert str(log) in result.err
    logged = log.read_text(encoding="utf-8")
    assert "unexpected error in list" in logged and "builtins.RuntimeError" in logged
    assert "a bug in the list command" not in logged  # a message may quote report text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600, "the log is private to its owner"


def test_the_log_file_rotates_and_stays_private(tmp_path: Path) -> None:
    import logging

    from app.logfile import BACKUPS, MAX_BYTES, setup_logging

    path = setup_logging()
    assert path == tmp_path / "userdata" / "postmortem-studio.log"
    logger = logging.getLogger("postmortem_studio.test")
    for number in range(3 * MAX_BYTES // 1000):
        logger.error("line %d %s", number, "x" * 1000)
    logs = sorted(path.parent.glob("postmortem-studio.log*"))
    assert len(logs) == 1 + BACKUPS
    assert all(f.stat().st_size <= MAX_BYTES + 2000 for f in logs)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in logs)


def test_an_error_nobody_caught_in_the_app_is_logged(tmp_path: Path) -> None:
    import sys

    from ui.application import log_unexpected_errors

    previous = sys.excepthook
    sys.excepthook = lambda *args: None  # what Qt would print is not wanted here
    try:
        log_unexpected_errors()
        try:
            raise ValueError("a bug in a slot")
        except ValueError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    logged = (tmp_path / "userdata" / "postmortem-studio.log").read_text(encoding="utf-8")
    assert "unexpected error in the app" in logged and "builtins.ValueError" in logged
    assert "a bug in a slot" not in logged
