"""Deterministic databases of 500, 2,000 and 10,000 realistic postmortems, built through the store.

Each postmortem: services from a pool of 30, tags from a pool of 40, causes in 1–3 of the six
standard Ishikawa categories, a 5 Whys chain, a dozen timeline entries with markers, ~20
actions, a root cause from a few dozen phrasings. Built once and cached under the temporary
folder (``pm-scale-bench``), keyed by size and a version of this recipe.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RECIPE = 4
CACHE = Path(tempfile.gettempdir()) / "pm-scale-bench"

SERVICES = [
    f"svc-{name}"
    for name in (
        "payments",
        "checkout",
        "auth",
        "search",
        "catalog",
        "orders",
        "billing",
        "ledger",
        "api",
        "gateway",
        "cdn",
        "dns",
        "mail",
        "notify",
        "queue",
        "cache",
        "db-main",
        "db-replica",
        "storage",
        "images",
        "video",
        "reports",
        "admin",
        "mobile",
        "web",
        "partner",
        "fraud",
        "pricing",
        "inventory",
        "shipping",
    )
]
TAGS = [
    "kubernetes",
    "database",
    "network",
    "deploy",
    "config",
    "certificate",
    "dns",
    "capacity",
    "memory",
    "cpu",
    "disk",
    "latency",
    "timeout",
    "retry",
    "cache",
    "queue",
    "auth",
    "tls",
    "load-balancer",
    "cdn",
    "third-party",
    "billing",
    "data-loss",
    "security",
    "monitoring",
    "alerting",
    "runbook",
    "oncall",
    "rollback",
    "feature-flag",
    "migration",
    "schema",
    "backup",
    "replication",
    "quota",
    "rate-limit",
    "cron",
    "batch",
    "mobile",
    "release",
]
CATEGORIES = ("People", "Process", "Tools", "Environment", "Code", "Monitoring")
CAUSES = [
    "The connection pool was exhausted under peak load",
    "A configuration change disabled the readiness probe",
    "The certificate expired without an alert",
    "A schema migration locked the orders table",
    "The cache was flushed during the deployment",
    "A retry storm overloaded the gateway",
    "The disk filled up with unrotated logs",
    "A feature flag was enabled for every customer at once",
    "The DNS record pointed to the decommissioned cluster",
    "The replica lagged behind the primary database",
    "A memory leak in the worker exhausted the node",
    "The rate limiter rejected legitimate partner traffic",
    "The backup job saturated the storage network",
    "An expired token broke the authentication service",
    "A third-party outage blocked card payments",
    "The queue consumers stopped after a broker failover",
]
WORDS = ["alerte", "latence", "paiement", "déploiement", "rollback", "réseau", "cache", "pod"]


def document(number: int, rnd: random.Random):  # -> Postmortem (imports kept lazy)
    from app.diagrams.graph import new_ishikawa, new_whys
    from app.diagrams.ops import add_child
    from app.model import Action, Postmortem, Service, TimelineEntry
    from app.vocabulary import ActionKind, ActionStatus, Marker, Priority

    day = date(2019, 1, 1) + timedelta(days=number * 2555 // 10_000 + rnd.randint(0, 2))
    start = datetime(
        day.year, day.month, day.day, rnd.randint(0, 22), rnd.randint(0, 59), tzinfo=UTC
    )
    cause = rnd.choice(CAUSES)
    if rnd.random() < 0.5:
        cause += f" in {rnd.choice(SERVICES)}"
    doc = Postmortem(
        id=f"pm-{number:05d}",
        title=f"Incident {number}: {cause[:40].lower()}",
        incident_date=day,
        postmortem_date=day + timedelta(days=rnd.randint(1, 10)),
        severity=f"P{rnd.randint(0, 3)}",
        services=[Service(name) for name in rnd.sample(SERVICES, rnd.randint(1, 3))],
        tags=rnd.sample(TAGS, rnd.randint(1, 4)),
        summary=f"{rnd.choice(WORDS)} {rnd.choice(WORDS)}: incident numéro {number}. {cause}.",
        root_cause=cause,
        author=rnd.choice(["Alice", "Bob", "Chloé", "Dan"]),
    )
    offsets = sorted(rnd.sample(range(1, 240), 11))
    markers = [Marker.STARTED, Marker.DETECTED, Marker.ACKNOWLEDGED, Marker.MITIGATED]
    doc.timeline = [TimelineEntry(at=start, event="First errors", marker=Marker.STARTED)]
    for index, minutes in enumerate(offsets):
        marker = markers[index + 1] if index + 1 < len(markers) else None
        if index == len(offsets) - 1:
            marker = Marker.RESOLVED
        doc.timeline.append(
            TimelineEntry(
                at=start + timedelta(minutes=minutes),
                event=f"Step {index} {rnd.choice(WORDS)} {rnd.choice(WORDS)}",
                marker=marker,
            )
        )
    doc.whys = new_whys(doc.title)
    node = "p"
    for level in range(5):
        node = add_child(doc.whys, node, f"Why {level}: {rnd.choice(WORDS)} {cause[:30]}")
    doc.ishikawa = new_ishikawa(doc.title, CATEGORIES)
    for category in rnd.sample(range(1, 7), rnd.randint(1, 3)):
        for cause_number in range(rnd.randint(1, 3)):
            add_child(doc.ishikawa, f"c{category}", f"Cause {cause_number} {rnd.choice(WORDS)}")
    doc.actions = [
        Action(
            f"Action {index} for incident {number}: {rnd.choice(WORDS)} {rnd.choice(TAGS)}",
            owner=rnd.choice(["Alice", "Bob", "Chloé", "Dan", "SRE Team", "Platform", ""]),
            due=None if rnd.random() < 0.1 else day + timedelta(days=rnd.randint(5, 90)),
            priority=rnd.choice(list(Priority)),
            status=rnd.choice(list(ActionStatus)),
            kind=rnd.choice(list(ActionKind)),
            completed_on=None,
            id=f"a{number}-{index}",
        )
        for index in range(rnd.randint(17, 23))
    ]
    for action in doc.actions:
        if action.status == ActionStatus.DONE and action.due is not None:
            action.completed_on = action.due + timedelta(days=rnd.randint(-10, 10))
    return doc


def database(size: int) -> Path:
    """The cached database of ``size`` postmortems (built on first use)."""
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"scale-{size}-r{RECIPE}.sqlite3"
    from app.store import Store

    if target.exists():
        with Store(target):  # a cache built by an older schema is upgraded once, in place
            pass
        for backup in CACHE.glob(f"{target.name}.before-*.bak"):
            backup.unlink()
        return target

    building = target.with_name(target.name + ".building")
    building.unlink(missing_ok=True)
    rnd = random.Random(size)
    with Store(building) as store:
        store._conn.execute("PRAGMA synchronous = OFF")  # setup only
        for number in range(size):
            store.save(document(number, rnd))
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.move(building, target)
    return target


def working_copy(size: int, folder: Path) -> Path:
    """A copy of the cached database that a benchmark may write to."""
    copy = folder / f"scale-{size}.sqlite3"
    shutil.copyfile(database(size), copy)
    return copy


if __name__ == "__main__":
    for wanted in (int(arg) for arg in sys.argv[1:] or ("2000", "10000")):
        print(database(wanted))
