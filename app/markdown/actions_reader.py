"""Action sections: tables and checkbox lists → corrective actions with status, owner, due date."""

from __future__ import annotations

import re

import networkx as nx

from app.markdown.cells import (
    LEADING_SYMBOLS,
    column_indexes,
    horizon_of,
    status_in_cells,
)
from app.markdown.dates import parse_day
from app.markdown.fields import (
    action_status,
    is_placeholder,
    key_value,
    priority,
    status_wording,
    strip_inline,
)
from app.markdown.fishbone import cause_by_text
from app.markdown.parse import Item, ListBlock, Rule, Table
from app.markdown.sections import fold
from app.markdown.state import ImportState, Section
from app.markdown.vocab_labels import lookup
from app.model import Action
from app.vocabulary import ActionKind, Horizon

_WHY_LINK = re.compile(r"^(?:5 whys|5 pourquoi)\s*(?:#|n°)\s*(\d+)$", re.IGNORECASE)
_TRAILING_STATUS = re.compile(r"\s+(?:—|–|-|:)\s*(?P<status>[^—–:()]{2,30})\s*$")
_TRAILING_PARENS = re.compile(r"\s*\((?P<inside>[^()]{1,60})\)\s*$")
_OWNER_LABEL = re.compile(
    r"^(?:owners?|assignee|assigned to|responsable|porteur|qui|who|dri)\s*[:=]\s*(?P<name>.+)$",
    re.IGNORECASE,
)
_HANDLE_END = re.compile(r"\s+(?P<handle>@[\w.-]+)\s*$")


def new_action(text: str) -> Action:
    """An imported action: priority, kind and horizon stay unset unless the source states them."""
    return Action(text, priority=None, kind=None, horizon=None)


def split_action(text: str) -> tuple[str, str, str, str]:
    """``Fix X (@alice) — In progress`` → (action, owner, status words, priority words)."""
    action, owner, status, prio = text.strip(), "", "", ""
    for _ in range(3):
        trailing = _TRAILING_STATUS.search(action)
        if trailing and action_status(trailing["status"]) is not None and not status:
            status = trailing["status"].strip()
            action = action[: trailing.start()].rstrip()
            continue
        parens = _TRAILING_PARENS.search(action)
        if parens:
            inside = parens["inside"].strip()
            labelled = _OWNER_LABEL.match(inside)
            if priority(inside) is not None and len(inside.split()) == 1 and not prio:
                prio = inside
            elif labelled and not owner:
                owner = labelled["name"].strip()
            elif not owner and (inside.startswith("@") or _looks_like_owner(inside)):
                owner = inside
            elif action_status(inside) is not None and not status:
                status = inside
            else:
                break
            action = action[: parens.start()].rstrip()
            continue
        handle = _HANDLE_END.search(action)
        if handle and not owner:
            owner = handle["handle"]
            action = action[: handle.start()].rstrip()
            continue
        break
    return action.rstrip(" —–-:"), owner, status, prio


def _looks_like_owner(text: str) -> bool:
    """``sre``, ``network-eng``, ``Dana Ortiz``: one team word or a capitalised name."""
    words = text.split()
    if not words or any(ch.isdigit() for ch in text) or action_status(text) is not None:
        return False
    if fold(text) in ("optional", "facultatif", "maybe", "tbd", "a definir", "wip"):
        return False
    if len(words) == 1:
        return True
    return len(words) <= 3 and all(word[:1].isupper() and not word.isupper() for word in words)


_ISHIKAWA_LINK = re.compile(r"^ishikawa\s*(?:#|n°)\s*(\d+)$", re.IGNORECASE)
_REF = re.compile(r"^(?:whys|ishikawa):\w+$")
#: a cause named by its text, resolved once the Ishikawa is read (``resolve_cause_texts``)
CAUSE_TEXT = "text:"


def _cause_ref(text: str) -> str:
    if _WHY_LINK.match(text):
        return _WHY_LINK.sub(r"whys:w\1", text)
    if _ISHIKAWA_LINK.match(text):
        return _ISHIKAWA_LINK.sub(r"ishikawa:k\1", text)
    return text if _REF.match(text) else CAUSE_TEXT + text


def resolve_cause_texts(actions: list[Action], graph: nx.DiGraph, warnings: list[str]) -> None:
    """Causes named by their text → ``ishikawa:<id>``; an unknown text is reported, not kept."""
    for action in actions:
        refs = []
        for cause in action.causes:
            if not cause.startswith(CAUSE_TEXT):
                refs.append(cause)
                continue
            text = cause[len(CAUSE_TEXT) :]
            node = cause_by_text(graph, text)
            if node is None:
                warnings.append(f"action '{action.action[:40]}': no single cause '{text}'.")
            else:
                refs.append(f"ishikawa:{node}")
        action.causes = refs


class ActionsReader(ImportState):
    # actions

    def _actions(self, section: Section) -> None:
        where = self._label(section)
        horizon = horizon_of(section.sub)
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                self._actions_table(block, where, horizon)
            elif isinstance(block, ListBlock):
                self._actions_list(block.items, where, horizon)
            else:
                self.keep(where, self.raw(block))

    def _actions_table(self, table: Table, where: str, horizon: Horizon | None) -> None:
        columns = column_indexes(
            table.header,
            {
                "action": (
                    "action",
                    "tache",
                    "task",
                    "description",
                    "item",
                    "quoi",
                    "what",
                    "summary",
                    "resume",
                    "titre",
                    "title",
                    "action item",
                ),
                "owner": ("responsable", "owner", "assignee", "porteur", "qui", "who", "assigne"),
                "due": ("deadline", "due", "echeance", "eta", "date", "pour le", "by"),
                "status": ("statut", "status", "etat", "state"),
                "priority": ("priorite", "priority", "prio"),
                "kind": ("type", "kind", "nature"),
                "horizon": ("horizon", "terme"),
                "ticket": ("ticket", "pr", "jira", "lien", "link", "issue", "pr ticket", "bug"),
                "causes": ("causes", "cause"),
                "notes": ("notes", "note", "commentaire", "comment", "raison"),
                "completed": ("fait le", "done on", "completed on", "termine le"),
                "number": ("#", "n", "no", "numero"),
            },
            ("action", "owner", "due", "status"),
        )
        self._note_header(where, table.header)
        for written in table.rows:
            row, cells_status = status_in_cells(list(written))
            if "status" in columns:
                row, cells_status = list(written), ""
            cells = {name: row[index].strip() if index < len(row) else ""
                     for name, index in columns.items()}  # fmt: skip
            if "status" not in columns and cells_status:
                cells["status"] = cells_status
            if not any(cells.values()):
                continue
            if len(row) != len(table.header):
                self.report.warnings.append(
                    f"{where}: a row has {len(row)} cells for {len(table.header)} columns."
                )
            extra = [
                row[i] for i in range(len(row)) if i not in columns.values() and row[i].strip()
            ]
            text = strip_inline(cells.get("action", "")) or strip_inline(" ".join(row))
            bare, owner, status_words, _ = split_action(text)
            action = new_action(bare if "owner" not in columns and owner else text)
            action.owner = strip_inline(cells.get("owner", "")) or owner
            if not cells.get("status") and status_words:
                cells["status"] = status_words
            self._apply_status(action, cells.get("status", ""), where)
            self._apply_due(action, cells.get("due", ""), where)
            self._apply_vocab(action, cells, where, horizon)
            ticket = cells.get("ticket", "")
            action.ticket = "" if ticket in ("-", "—") else strip_inline(ticket)
            notes = [strip_inline(cells.get("notes", ""))] + [strip_inline(x) for x in extra]
            reason = " ; ".join(part for part in [action.status_reason, *notes] if part)
            action.status_reason = reason
            self.doc.actions.append(action)

    def _apply_vocab(
        self, action: Action, cells: dict[str, str], where: str, horizon: Horizon | None
    ) -> None:
        if cells.get("priority"):
            found = priority(cells["priority"])
            if found is None:
                self.report.warnings.append(f"{where}: unknown priority '{cells['priority']}'.")
                action.status_reason = (
                    f"{action.status_reason} priority: {cells['priority']}".strip()
                )
            else:
                action.priority = found
                self.status_words.add(cells["priority"].strip())
        kind = lookup(ActionKind, cells.get("kind", ""))
        if isinstance(kind, ActionKind):
            action.kind = kind
        elif cells.get("kind"):
            action.status_reason = f"{action.status_reason} {cells['kind']}".strip()
        found_horizon = lookup(Horizon, cells.get("horizon", ""))
        if isinstance(found_horizon, Horizon):
            action.horizon = found_horizon
        elif horizon is not None:
            action.horizon = horizon
        causes = cells.get("causes", "")
        action.causes = [
            _cause_ref(c.strip()) for c in causes.split(",") if c.strip() and c.strip() != "-"
        ]
        completed = cells.get("completed", "")
        if completed and completed not in ("-", "—"):
            action.completed_on = parse_day(completed, self.context)

    def _apply_status(self, action: Action, text: str, where: str) -> None:
        if not text.strip():
            return
        status = action_status(text)
        if status is None:
            self.report.warnings.append(
                f"{where}: unknown status '{text}' for '{action.action}'; Todo kept."
            )
            action.status_reason = text.strip()
        else:
            action.status = status
            self.status_words.add(text.strip())
            wording = status_wording(text)
            if wording:  # the closest status for tracking, the team's words kept beside it
                action.status_reason = " ; ".join(
                    part for part in (wording, action.status_reason) if part
                )

    def _apply_due(self, action: Action, text: str, where: str) -> None:
        value = text.strip()
        if not value or value in ("-", "—") or is_placeholder(value):
            return
        day = parse_day(value, self.context)
        if day is None:
            self.report.warnings.append(f"{where}: unknown due date '{value}'; kept as text.")
            label = "Échéance" if self.doc.language == "fr" else "Due"
            action.status_reason = f"{action.status_reason} {label} : {value}".strip()
        else:
            action.due = day

    def _actions_list(self, items: list[Item], where: str, horizon: Horizon | None) -> None:
        current: Action | None = None
        details: list[str] = []

        def close() -> None:
            if current is not None and details:
                current.action = f"{current.action} — {'; '.join(details)}"

        for item in items:
            text = item.text.replace("\n", " ").strip()
            if item.depth == 0:
                close()
                details = []
                written, owner, status_words, prio = split_action(
                    strip_inline(LEADING_SYMBOLS.sub("", text))
                )
                current = new_action(written)
                current.owner = owner
                if horizon is not None:
                    current.horizon = horizon
                if item.checked is not None:
                    current.status = (
                        action_status("[x]" if item.checked else "[ ]") or current.status
                    )
                if status_words:
                    self._apply_status(current, status_words, where)
                if prio:
                    self._apply_vocab(current, {"priority": prio}, where, horizon)
                self.doc.actions.append(current)
                continue
            if current is None:
                continue
            pair = key_value(text)
            label = fold(pair[1]) if pair else ""
            if pair and label in ("owner", "responsable", "assignee", "porteur", "qui"):
                current.owner = pair[2]
            elif pair and label in ("eta", "due", "deadline", "echeance", "date"):
                self._apply_due(current, pair[2], where)
            elif pair and label in ("priority", "priorite"):
                self._apply_vocab(current, {"priority": pair[2]}, where, horizon)
            elif pair and label in ("ticket", "pr", "jira", "issue"):
                current.ticket = pair[2]
            elif pair and label in ("status", "statut"):
                self._apply_status(current, pair[2], where)
            else:
                details.append(strip_inline(text))
        close()
