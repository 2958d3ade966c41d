"""Markdown import speed: a 5,000-line postmortem must import in under a second.

Run: ``.venv/bin/python bench/markdown_import.py``. Builds a realistic French postmortem of
5,000 lines (timeline table and lists, 5 Whys, actions, lessons, mojibake lines, a log annex),
then prints the median time of: decoding + repair, block parsing, the whole import, and the
floor measured in the same run — UTF-8 decoding, the ftfy encoding repair (what any importer of
such files must pay), line splitting and one regex pass over the same text — with the ratio of
the import to that floor. For the choice of parser it also times markdown-it-py (the standard
CommonMark parser, with source line maps) on the same text, when it is installed.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.markdown.decode import decode_markdown
from app.markdown.importer import import_bytes
from app.markdown.parse import parse_blocks

LINES = 5_000
BUDGET_S = 1.0


def build_document(lines: int = LINES) -> bytes:
    head = [
        "# Panne du payment-service : pods sans readinessProbe",
        "",
        "**Date de l'incident** : 2026-01-15  ",
        "**Auteur** : Camille Martin  ",
        "**Statut** : En revue",
        "",
        "## 📋 Résumé exécutif",
        "",
        "Le 15 janvier 2026, le payment-service a subi une panne de 12 minutes.",
        "",
        "## ⏱️ Chronologie",
        "",
        "| Heure | Événement | Acteur/Système |",
        "|-------|-----------|----------------|",
    ]
    body: list[str] = []
    share = (lines - len(head)) // 5
    for i in range(share):
        clock = f"{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        body.append(f"| {clock} | Événement {i} : pods redémarrés, alerte | Kubernetes |")
    body += ["", "### Notes de l'astreinte (heure de Paris)", ""]
    body += [f"- {(i // 60 % 12) or 12}:{i % 60:02d} {'AM' if i % 1440 < 720 else 'PM'}: "
             f"vérification n°{i} du rollback" if i % 3 else
             f"- ~{i // 60 % 24:02d}:{i % 60:02d} UTC: vérification n°{i} du rollback"
             for i in range(share)]  # fmt: skip
    body += ["", "## 🔍 Cause racine", "", "### Méthode des 5 Pourquoi", ""]
    for i in range(1, 6):
        body += [f"{i}. **Pourquoi l'étape {i} a-t-elle échoué ?**", f"   - Parce que {i}.", ""]
    body += ["## 🔧 Actions correctives", "", "| Action | Responsable | Deadline | Statut |",
             "|---|---|---|---|"]  # fmt: skip
    statuses = ("✅ Done", "🔄 In Progress", "⏳ Todo")
    body += [f"| Action {i} sur la readinessProbe | Team {i % 7} | 2026-02-{i % 28 + 1:02d} | "
             f"{statuses[i % 3]} |" for i in range(share)]  # fmt: skip
    body += ["", "## 📚 Leçons apprises", "", "### Pour les développeurs", ""]
    mangled = "Ã©chec dÃ©tectÃ© â€” üö® alerte"
    body += [f"- Leçon {i} : {mangled if i % 10 == 0 else 'tester en conditions réelles'}"
             for i in range(share)]  # fmt: skip
    body += ["", "## 📎 Annexes", "", "### Logs", "", "```"]
    used = len(head) + len(body) + 1
    body += [f"2026-01-15 14:00:{i % 60:02d} payment-service [ERROR] timeout {i}"
             for i in range(max(0, lines - used))]  # fmt: skip
    body.append("```")
    return ("\n".join(head + body) + "\n").encode("utf-8")


_FLOOR_PATTERN = re.compile(r"^(#{1,6} |\||- |\d+\. |```)")


def floor(raw: bytes) -> int:
    """The least any importer does: decode and repair the encoding (ftfy on the lines that
    need it, as the app does), split lines, one regex test per line."""
    text = decode_markdown(raw).text
    return sum(1 for line in text.split("\n") if _FLOOR_PATTERN.match(line))


def markdown_it_seconds(text: str) -> float | None:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    parser = MarkdownIt("commonmark").enable("table")
    return median_seconds(lambda: parser.parse(text))


def median_seconds(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    raw = build_document()
    text = decode_markdown(raw).text
    line_count = text.count("\n")
    doc, report = import_bytes(raw, "bench.md")
    floor_s = median_seconds(lambda: floor(raw))
    decode_s = median_seconds(lambda: decode_markdown(raw))
    parse_s = median_seconds(lambda: parse_blocks(text))
    import_s = median_seconds(lambda: import_bytes(raw, "bench.md"))
    other_s = markdown_it_seconds(text)
    print(f"document: {line_count} lines, {len(raw) / 1024:.0f} KiB → {len(doc.timeline)} "
          f"timeline rows, {len(doc.actions)} actions, {len(doc.lessons)} lessons, "
          f"{len(report.warnings)} warnings")  # fmt: skip
    print(f"floor (decode + ftfy repair + split + regex pass): {floor_s * 1000:8.1f} ms")
    print(f"decode + repair:            {decode_s * 1000:8.1f} ms")
    print(f"block parsing:              {parse_s * 1000:8.1f} ms")
    print(f"whole import:               {import_s * 1000:8.1f} ms  "
          f"(budget {BUDGET_S * 1000:.0f} ms, {import_s / BUDGET_S:.0%} of it)")  # fmt: skip
    print(f"ratio import / floor:       {import_s / floor_s:8.1f}x  (floor includes ftfy)")
    if other_s is not None:
        print(f"markdown-it-py parse only:  {other_s * 1000:8.1f} ms  "
              f"({other_s / parse_s:.1f}x our block parser)")  # fmt: skip
    return 0 if import_s < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
