"""5 Whys written in Markdown → the 5 Whys tree.

Three ways people write them: a numbered list of questions with the answer below
(``1. **Pourquoi … ?**`` then ``- Parce que …`` or ``→ …``), ``### Question 1: Why …?`` headings
followed by ``**Answer:** …``, and the indented tree ``Pourquoi #1: … / └─ Pourquoi #2: …``.
A plain numbered list of statements is a chain too. A chain that loops back to an earlier
answer stays a chain (new nodes, never an edge back): the loop is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from app.diagrams.graph import new_whys, walk
from app.markdown.fields import strip_inline
from app.markdown.parse import Item
from app.markdown.sections import clean_heading, fold

ROOT_CAUSE_TAGS = ("cause racine", "root cause")
NO_ROOT_CAUSE = ("aucune cause racine marquee", "no root cause marked")
_PARENT_TAG = re.compile(r"\s*↳\s*(\d+)\s*$")
_ANSWER_PREFIX = re.compile(r"^\s*(?:[-*+]\s+|→\s*|->\s*|=>\s*|⇒\s*|└─+\s*)+")
_TREE_LINE = re.compile(
    r"^(?P<indent>[\s│├└─]*)(?:Pourquoi|Why)\s*#?\s*(?P<n>\d+)\s*[:.)-]\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_QUESTION_HEADING = re.compile(
    r"^\s*(?:Question|Pourquoi|Why)\s*#?\s*\d+\s*[:.)-]\s*(.*)$", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:Answer|Réponse|Reponse)\s*"
    r"(?:[:：]\s*(?:\*\*|__)?|(?:\*\*|__)\s*[:：])\s*",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^\s*(?:→\s*)?(?P<label>[^:]{2,40}?)\s*[:：]\s*(?P<value>.+)$")


@dataclass
class WhyStep:
    question: str
    answer: str = ""
    parent: int | None = None  # 1-based number of the parent step; 0 = the problem
    root_cause: bool = False


@dataclass
class WhysDraft:
    problem: str = ""
    steps: list[WhyStep] | None = None
    explicit_flags: bool = False
    no_root_cause: bool = False
    root_cause_text: str = ""
    extra: list[str] | None = None
    labels: list[str] | None = None


def looks_like_whys(items: list[Item]) -> bool:
    top = [item for item in items if item.depth == 0]
    return bool(top) and all(item.ordered for item in top)


def is_root_cause_tag(text: str) -> bool:
    return fold(clean_heading(strip_inline(text))) in ROOT_CAUSE_TAGS


def steps_from_items(items: list[Item], draft: WhysDraft) -> None:
    """A numbered list: the item's first line is the question, what follows is the answer."""
    steps = draft.steps if draft.steps is not None else []
    draft.steps = steps
    current: WhyStep | None = None
    for item in items:
        if item.depth == 0:
            first, _, rest = item.text.partition("\n")
            question = first
            parent: int | None = None
            tag = _PARENT_TAG.search(question)
            if tag:
                parent = int(tag.group(1))
                question = question[: tag.start()]
            current = WhyStep(strip_inline(question), parent=parent)
            steps.append(current)
            for line in rest.split("\n"):
                _add_answer(current, line, draft)
        elif current is not None:
            _add_answer(current, item.text, draft)


def _add_answer(step: WhyStep, line: str, draft: WhysDraft) -> None:
    text = _ANSWER_PREFIX.sub("", line).strip()
    if not text:
        return
    if is_root_cause_tag(text):
        step.root_cause = True
        draft.explicit_flags = True
        return
    text = strip_inline(_ANSWER_LABEL.sub("", text))
    step.answer = f"{step.answer}\n{text}" if step.answer else text


_WHY_START = re.compile(r"^(?:why|pourquoi)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"^(?:because|parce que|parce qu|car|since|du fait que)\b", re.IGNORECASE)
_WHY_BECAUSE = re.compile(
    r"^(?P<q>(?:why|pourquoi)\b[^?]*\?)\s*(?:[-–—→:]\s*)?"
    r"(?P<a>(?:because|parce que|parce qu|car)\b.*)$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*+•]|#?\d{1,2}\s*[:.)-])\s*")


def steps_from_lines(lines: list[str], draft: WhysDraft, current: WhyStep | None) -> WhyStep | None:
    """``Why …? Because …`` lines, or a ``Why …?`` line then a ``Because …`` line.

    Returns the last step (a later answer may still come), or None when the lines are not
    whys at all (nothing is added then).
    """
    cleaned = [strip_inline(_NUMBERING.sub("", line)).strip() for line in lines]
    if not cleaned or not all(
        _WHY_START.match(line) or _BECAUSE.match(line) for line in cleaned if line
    ):
        return None
    if not any(_WHY_START.match(line) for line in cleaned) and current is None:
        return None
    steps = draft.steps if draft.steps is not None else []
    draft.steps = steps
    for line in cleaned:
        both = _WHY_BECAUSE.match(line)
        if both:
            current = WhyStep(both["q"].strip(), both["a"].strip())
            steps.append(current)
        elif _WHY_START.match(line):
            current = WhyStep(line)
            steps.append(current)
        elif current is not None:
            current.answer = f"{current.answer}\n{line}" if current.answer else line
    return current


def steps_from_table(header: list[str], rows: list[list[str]], draft: WhysDraft) -> bool:
    """A ``Why | Because`` table (any column names of that sense, French or English)."""
    folded = [fold(strip_inline(cell)) for cell in header]
    asks = [i for i, cell in enumerate(folded) if cell in ("why", "pourquoi", "question")
            or cell.startswith(("why ", "pourquoi "))]  # fmt: skip
    answers = [i for i, cell in enumerate(folded)
               if cell in ("because", "parce que", "answer", "reponse", "cause", "car")
               or cell.startswith(("because ", "parce que "))]  # fmt: skip
    if not asks or not answers:
        return False
    steps = draft.steps if draft.steps is not None else []
    draft.steps = steps
    for row in rows:
        cells = [*row, "", ""]
        question = strip_inline(cells[asks[0]])
        answer = strip_inline(cells[answers[0]])
        if question or answer:
            steps.append(WhyStep(question, answer))
    return True


def question_heading(text: str) -> str | None:
    """``Question 1: Why did …?`` → ``Why did …?``."""
    heading = clean_heading(text)
    match = _QUESTION_HEADING.match(heading)
    if match:
        return match.group(1).strip()
    asked = strip_inline(heading).strip()
    return asked if _WHY_START.match(asked) and asked.endswith("?") else None


def answer_paragraph(step: WhyStep, text: str, draft: WhysDraft) -> None:
    for line in text.split("\n"):
        _add_answer(step, line, draft)


def steps_from_tree_text(text: str, draft: WhysDraft) -> bool:
    """``Symptôme: …`` / ``Pourquoi #1: …`` / ``└─ Pourquoi #2: …`` / ``→ Root Cause: …``."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not any(_TREE_LINE.match(line) for line in lines):
        return False
    steps = draft.steps if draft.steps is not None else []
    draft.steps = steps
    extra = draft.extra if draft.extra is not None else []
    draft.extra = extra
    for line in lines:
        tree = _TREE_LINE.match(line)
        if tree:
            steps.append(WhyStep(f"Pourquoi #{tree['n']}", strip_inline(tree["text"].strip())))
            continue
        labelled = _LABELLED.match(line.strip())
        if labelled:
            label = fold(labelled["label"])
            value = labelled["value"].strip()
            if label in ("symptome", "symptom", "probleme", "problem", *ROOT_CAUSE_TAGS):
                draft.labels = [*(draft.labels or []), labelled["label"].strip("→ ")]
            if label in ("symptome", "symptom", "probleme", "problem"):
                draft.problem = value
                continue
            if label in ROOT_CAUSE_TAGS:
                draft.root_cause_text = value
                continue
        extra.append(line.strip())
    return True


def build_whys(draft: WhysDraft, warnings: list[str]) -> nx.DiGraph:
    """The tree, ids ``p``, ``w1``, ``w2``… in reading order; loops become plain chains."""
    graph = new_whys(draft.problem)
    steps = draft.steps or []
    seen: dict[str, int] = {}
    for number, step in enumerate(steps, start=1):
        node = f"w{number}"
        parent = "p" if number == 1 else f"w{number - 1}"
        if step.parent is not None:
            parent = "p" if step.parent == 0 or step.parent >= number else f"w{step.parent}"
        order = len(list(graph.successors(parent)))
        graph.add_node(
            node,
            text=step.question,
            answer=step.answer,
            role="why",
            root_cause=step.root_cause,
            order=order,
        )
        graph.add_edge(parent, node)
        for key in (fold(step.answer), fold(step.question)):
            if key and key in seen and seen[key] != number:
                warnings.append(
                    f"the 5 Whys loop back at step {number} to step {seen[key]}; "
                    "imported as a chain, without a cycle."
                )
                break
        for key in (fold(step.answer), fold(step.question)):
            if key:
                seen.setdefault(key, number)
    if steps and not draft.explicit_flags and not draft.no_root_cause:
        graph.nodes[f"w{len(steps)}"]["root_cause"] = True
    return graph


def canonical_ids(graph: nx.DiGraph, first: str, prefixes: dict[str, str]) -> dict[str, str]:
    """Ids the importer gives each node: root ``first``, then ``<prefix><n>`` in tree order."""
    mapping: dict[str, str] = {}
    counters: dict[str, int] = {}
    for node, depth in walk(graph):
        if depth == 0:
            mapping[node] = first
            continue
        prefix = prefixes.get(str(graph.nodes[node].get("role")), "n")
        counters[prefix] = counters.get(prefix, 0) + 1
        mapping[node] = f"{prefix}{counters[prefix]}"
    return mapping


def whys_ids(graph: nx.DiGraph) -> dict[str, str]:
    return canonical_ids(graph, "p", {"why": "w"})
