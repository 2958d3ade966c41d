"""What keeps coming back, on thousands of postmortems, without comparing every pair.

An index maps each shared key (a tag, a service, an Ishikawa category holding causes) to its
postmortems, and root-cause word sets to the word sets similar to them (Jaccard ≥ 0.5 of their
significant words). Similar word sets are found through the first words of each set in a fixed
order ("prefix filtering": two sets that similar always share one of those words), so adding a
postmortem looks at a few candidates, not at every other postmortem. Putting a postmortem again
after an edit changes only its own entries.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

#: Root-cause texts whose significant words overlap this much (Jaccard index) are "similar".
SIMILAR_ROOT_CAUSE = 0.5
ROOT_CAUSE = "similar root cause"
#: Links listed at most (the rate and the groups always count every postmortem).
LINK_LIMIT = 100


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case and accents folded (tags and services repeat: each is folded once)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def significant_words(text: str) -> frozenset[str]:
    """Significant words (four letters or more, accents ignored)."""
    return frozenset(word for word in re.findall(r"\w+", fold(text)) if len(word) >= 4)


def fold_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(folded for folded in (fold(v).strip() for v in values) if folded)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def categories_with_causes(ishikawa: dict[str, Any]) -> frozenset[str]:
    """Folded names of the Ishikawa categories that hold a cause with text (plain diagram
    form: ``nodes`` and ``edges`` lists)."""
    nodes = {node["id"]: node for node in ishikawa.get("nodes", ())}
    with_cause: set[str] = set()
    for edge in ishikawa.get("edges", ()):
        source = nodes.get(edge["source"])
        target = nodes.get(edge["target"])
        if (
            source
            and target
            and source.get("role") == "category"
            and str(target.get("text", "")).strip()
        ):
            with_cause.add(edge["source"])
    names = (fold(str(nodes[node].get("text", ""))).strip() for node in with_cause)
    return frozenset(name for name in names if name)


@dataclass(frozen=True)
class Signature:
    """What a postmortem is compared on, folded once."""

    tags: frozenset[str]
    services: frozenset[str]
    categories: frozenset[str]
    root_cause_words: frozenset[str]

    def shared_keys(self) -> Iterator[tuple[str, str]]:
        for reason, values in (
            ("tags", self.tags),
            ("services", self.services),
            ("Ishikawa causes", self.categories),
        ):
            for value in values:
                yield reason, value


def reasons(first: Signature, second: Signature) -> tuple[str, ...]:
    """Why two postmortems look like the same problem; empty when they do not."""
    found: list[str] = []
    for label, mine, theirs in (
        ("tags", first.tags, second.tags),
        ("services", first.services, second.services),
        ("Ishikawa causes", first.categories, second.categories),
    ):
        shared = sorted(mine & theirs)
        if shared:
            found.append(f"{label}: {', '.join(shared)}")
    if jaccard(first.root_cause_words, second.root_cause_words) >= SIMILAR_ROOT_CAUSE:
        found.append(ROOT_CAUSE)
    return tuple(found)


@dataclass(frozen=True)
class RecurrenceLink:
    """Two postmortems that look like the same problem coming back, and why."""

    first_id: str
    first_title: str
    second_id: str
    second_title: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class RecurrenceGroup:
    """Postmortems (oldest incident first) that share one key, or similar root causes."""

    reason: str
    key: str
    postmortem_ids: tuple[str, ...]


class _Entry(NamedTuple):
    order: tuple[date, str]
    title: str
    root_cause: str
    signature: Signature


def _word_rank(word: str) -> tuple[int, str]:
    """A fixed order of words that does not depend on the other postmortems."""
    return zlib.crc32(word.encode("utf-8")), word


def _prefix(words: frozenset[str]) -> list[str]:
    length = len(words) - math.ceil(SIMILAR_ROOT_CAUSE * len(words)) + 1
    return sorted(words, key=_word_rank)[:length]


class RecurrenceIndex:
    """Shared keys → postmortems, root-cause word sets → similar word sets."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        #: postmortem → (incident day, id): the order of groups and links (oldest first)
        self._order: dict[str, tuple[date, str]] = {}
        self._keys: dict[tuple[str, str], set[str]] = {}
        self._word_sets: dict[frozenset[str], set[str]] = {}
        self._postings: dict[str, set[frozenset[str]]] = {}
        self._similar: dict[frozenset[str], set[frozenset[str]]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    # -- changes -------------------------------------------------------------------------

    def put(
        self, postmortem_id: str, title: str, day: date | None, root_cause: str, sign: Signature
    ) -> None:
        """Add a postmortem, or replace what an earlier put said about it."""
        self.remove(postmortem_id)
        order = (day or date.max, postmortem_id)
        self._entries[postmortem_id] = _Entry(order, title, root_cause, sign)
        self._order[postmortem_id] = order
        for key in sign.shared_keys():
            self._keys.setdefault(key, set()).add(postmortem_id)
        words = sign.root_cause_words
        if not words:
            return
        holders = self._word_sets.get(words)
        if holders is None:
            holders = self._word_sets[words] = set()
            self._add_word_set(words)
        holders.add(postmortem_id)

    def remove(self, postmortem_id: str) -> None:
        entry = self._entries.pop(postmortem_id, None)
        if entry is None:
            return
        del self._order[postmortem_id]
        for key in entry.signature.shared_keys():
            members = self._keys[key]
            members.discard(postmortem_id)
            if not members:
                del self._keys[key]
        words = entry.signature.root_cause_words
        if words:
            holders = self._word_sets[words]
            holders.discard(postmortem_id)
            if not holders:
                del self._word_sets[words]
                self._drop_word_set(words)

    def _add_word_set(self, words: frozenset[str]) -> None:
        candidates: set[frozenset[str]] = set()
        prefix = _prefix(words)
        for word in prefix:
            candidates |= self._postings.get(word, set())
        similar = {other for other in candidates if jaccard(words, other) >= SIMILAR_ROOT_CAUSE}
        self._similar[words] = similar
        for other in similar:
            self._similar[other].add(words)
        for word in prefix:
            self._postings.setdefault(word, set()).add(words)

    def _drop_word_set(self, words: frozenset[str]) -> None:
        for other in self._similar.pop(words, set()):
            self._similar[other].discard(words)
        for word in _prefix(words):
            sets = self._postings[word]
            sets.discard(words)
            if not sets:
                del self._postings[word]

    # -- answers -------------------------------------------------------------------------

    def recurring_ids(self) -> set[str]:
        """Postmortems that share a key or a similar root cause with another one."""
        found: set[str] = set()
        for members in self._keys.values():
            if len(members) > 1:
                found |= members
        for words, holders in self._word_sets.items():
            if len(holders) > 1 or self._similar[words]:
                found |= holders
        return found

    def _ordered(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=self._order.__getitem__))

    def _root_cause_components(self) -> list[set[str]]:
        """Postmortems whose root causes are similar, directly or through one another."""
        seen: set[frozenset[str]] = set()
        components: list[set[str]] = []
        for start, holders in self._word_sets.items():
            if start in seen or (len(holders) < 2 and not self._similar[start]):
                continue
            members: set[str] = set()
            stack = [start]
            seen.add(start)
            while stack:
                words = stack.pop()
                members |= self._word_sets[words]
                for other in self._similar[words] - seen:
                    seen.add(other)
                    stack.append(other)
            components.append(members)
        return components

    def groups(self) -> list[RecurrenceGroup]:
        """Every group of two or more postmortems, largest first."""
        found = [
            RecurrenceGroup(reason, key, self._ordered(members))
            for (reason, key), members in self._keys.items()
            if len(members) > 1
        ]
        for members in self._root_cause_components():
            ordered = self._ordered(members)
            found.append(RecurrenceGroup(ROOT_CAUSE, self._entries[ordered[0]].root_cause, ordered))
        found.sort(key=lambda g: (-len(g.postmortem_ids), g.reason, g.key))
        return found

    def _candidate_pairs(self) -> Iterator[tuple[str, str]]:
        """Pairs that share something, from the most specific (smallest) group up."""
        pools: list[tuple[int, list[str], list[str] | None]] = []
        for members in self._keys.values():
            if len(members) > 1:
                pools.append((len(members), sorted(members), None))
        for words, holders in self._word_sets.items():
            if len(holders) > 1:
                pools.append((len(holders), sorted(holders), None))
            for other in self._similar[words]:
                others = self._word_sets[other]
                pools.append((len(holders) * len(others), sorted(holders), sorted(others)))
        pools.sort(key=lambda pool: pool[0])
        for _size, left, right in pools:
            if right is None:
                for index, first in enumerate(left):
                    for second in left[index + 1 :]:
                        yield first, second
            else:
                for first in left:
                    for second in right:
                        yield first, second

    def links(self, limit: int = LINK_LIMIT) -> tuple[list[RecurrenceLink], bool]:
        """Up to ``limit`` linked pairs (all of them when there are no more), oldest incident
        first in each pair and in the list; and whether the list is complete."""
        pairs: set[tuple[str, str]] = set()
        complete = True
        for first, second in self._candidate_pairs():
            pair = (first, second) if first < second else (second, first)
            if pair in pairs:
                continue
            if len(pairs) == limit:
                complete = False
                break
            pairs.add(pair)
        ordered = []
        for one, other in pairs:
            first, second = sorted((one, other), key=self._order.__getitem__)
            ordered.append((self._order[first], self._order[second], first, second))
        ordered.sort()
        found = []
        for _a, _b, first, second in ordered:
            mine, theirs = self._entries[first], self._entries[second]
            why = reasons(mine.signature, theirs.signature)
            if why:
                found.append(RecurrenceLink(first, mine.title, second, theirs.title, why))
        return found, complete
