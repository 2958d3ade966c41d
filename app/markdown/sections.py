"""Which part of a postmortem a heading introduces, in French or English.

Headings are compared after folding case and accents and dropping emoji, numbering
(``2.``, ``II -``) and bracketed remarks, so ``## 🔍 3. Cause Racine (Root Cause Analysis)``
and ``## Root causes`` land in the same place.
"""

from __future__ import annotations

import re
import unicodedata

SUMMARY = "summary"
IMPACT = "impact"
TIMELINE = "timeline"
ROOT_CAUSE = "root_cause"
WHYS = "whys"
FISHBONE = "fishbone"
CONTRIBUTING = "contributing_factors"
WENT_WELL = "went_well"
WENT_WRONG = "went_wrong"
LUCKY = "lucky"
ACTIONS = "actions"
LESSONS = "lessons"
COMMUNICATIONS = "communications"
PARTICIPANTS = "participants"
ANNEXES = "annexes"
ACKNOWLEDGEMENTS = "acknowledgements"
HEADER = "header"
PARKING_LOT = "parking_lot"
NARRATIVE = "narrative"

# Titled accounts of the incident, kept as narrative sections (kind, heading patterns).
NARRATIVE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leadup", (r"\blead ?up\b", r"\bprelude\b", r"\bavant l incident\b")),
    ("trigger", (r"\btrigger\b", r"\bdeclencheur", r"\belement declencheur")),
    ("fault", (r"^fault$", r"^faults?\b", r"^defaillance", r"^panne$")),
    ("detection", (r"^detection\b", r"^how (was it|we) detected", r"^detecte")),
    ("response", (r"^response\b", r"^incident response", r"^reponse\b", r"^intervention")),
    ("recovery", (r"^recovery\b", r"^retablissement", r"^reprise\b", r"^restauration")),
    ("resolution", (r"^resolution\b", r"^mitigation\b", r"^remediation and recovery")),
    ("assessment", (r"how d we do", r"how did we do", r"^bilan\b", r"^assessment\b")),
    ("background", (r"^background\b", r"^contexte technique", r"^context$")),
    ("investigation", (r"^investigation\b", r"^analyse\b(?! des causes)", r"^diagnostic")),
    ("impact", (r"^customer impact\b", r"^user impact\b", r"^impact (client|utilisateurs?)")),
)
_NARRATIVE_COMPILED = tuple((k, tuple(re.compile(p) for p in ps)) for k, ps in NARRATIVE_KINDS)

# Checked in order: the first pattern found in the folded heading wins.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (WHYS, (r"\b5 pourquoi", r"\b5 whys", r"\bfive whys", r"\bcinq pourquoi", r"^question \d")),
    (FISHBONE, (r"ishikawa", r"fishbone", r"arete de poisson", r"diagramme causes? effets?")),
    (WENT_WELL, (r"bien (fonctionne|marche)", r"marche bien", r"went well", r"what worked")),
    (
        WENT_WRONG,
        (
            r"mal (fonctionne|passe)",
            r"n a pas (bien )?(fonctionne|marche)",
            r"went wrong",
            r"peut etre ameliore",
            r"could be improved",
            r"to improve",
            r"didn t go well",
            r"what didn t work",
            r"didn t go (so )?well",
        ),
    ),
    (LUCKY, (r"got lucky", r"\bchance\b", r"\bluck")),
    (
        CONTRIBUTING,
        (r"facteurs? contributi", r"contributing factor"),
    ),
    (
        ACTIONS,
        (
            r"actions? correctives?",
            r"action items?",
            r"corrective actions?",
            r"follow[ -]?ups?",
            r"suivi des actions",
            r"plan d action",
            r"remediation",
            r"next steps",
            r"prochaines etapes",
            r"^tasks?$",
            r"^taches$",
            r"^to ?dos?$",
            r"^follow ?up tasks",
        ),
    ),
    (LESSONS, (r"lecons? (apprises|tirees)", r"lessons? learn", r"enseignements", r"takeaways")),
    (
        ROOT_CAUSE,
        (
            r"causes? racines?",
            r"root causes?",
            r"cause analysis",
            r"analyse des causes",
            r"causes? profondes?",
        ),
    ),
    (
        TIMELINE,
        (
            r"chronologie",
            r"timeline",
            r"deroulement",
            r"\bsequence of events",
            r"key moments",
            r"moments cles",
            r"^journal de l incident",
            r"^incident log",
        ),
    ),
    (
        SUMMARY,
        (
            r"resume",
            r"summary",
            r"overview",
            r"synthese",
            r"vue d ensemble",
            r"\bcontexte\b",
            r"^what happened$",
            r"^description$",
            r"^ce qui s est passe$",
        ),
    ),
    (IMPACT, (r"\bimpacts?\b",)),
    (COMMUNICATIONS, (r"communications?",)),
    (PARTICIPANTS, (r"participants", r"attendees", r"people involved", r"responders")),
    (
        PARKING_LOT,
        (r"parking lot", r"points? en suspens", r"questions ouvertes", r"open questions"),
    ),
    (ACKNOWLEDGEMENTS, (r"remerciements", r"acknowledg", r"thanks", r"kudos")),
    (
        ANNEXES,
        (
            r"annexes?",
            r"supporting information",
            r"appendi(x|ces)",
            r"references",
            r"ressources",
            r"\blinks\b",
            r"\bliens\b",
        ),
    ),
    (
        HEADER,
        (r"informations? generales?", r"general information", r"incident details", r"metadata"),
    ),
)
_COMPILED = tuple((kind, tuple(re.compile(p) for p in pats)) for kind, pats in _RULES)

FRENCH_WORDS = re.compile(
    r"\b(resume|chronologie|pourquoi|cause racine|actions correctives|lecons|annexes|"
    r"remerciements|ce qui a|impact calcule|fonctionne|parce que)\b"
)
ENGLISH_WORDS = re.compile(
    r"\b(summary|timeline|why|root cause|action items|lessons|went|supporting|because|the)\b"
)


_NOT_WORD = re.compile(r"[^a-z0-9#]+")


def fold(text: str) -> str:
    """Lower case, no accents, no emoji or punctuation, single spaces."""
    lowered = text.casefold()
    if lowered.isascii():
        return " ".join(_NOT_WORD.sub(" ", lowered).split())
    lowered = lowered.replace("œ", "oe").replace("æ", "ae")
    letters = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NOT_WORD.sub(" ", letters).split())


def clean_heading(text: str) -> str:
    """The heading as a person reads it: without emoji, leading numbering or markup."""
    value = re.sub(r"[*_`]", "", text)
    value = "".join(
        ch
        for ch in value
        if unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co") and ch not in "\ufe0f\u200d"
    )
    value = re.sub(r"^\s*((\d+(\.\d+)*|[IVX]+)([.)]|\s+[-–:])\s*)", "", value)
    return value.strip(" -–:")


def title_text(heading: str) -> str:
    """The document title as written: emoji kept, leading numbering and emphasis dropped."""
    value = re.sub(r"(\*\*|__)(.+?)\1", r"\2", heading)
    value = re.sub(r"^\s*((\d+(\.\d+)*|[IVX]+)([.)]|\s+[-–:])\s*)", "", value)
    return value.strip(" -–:")


_NARRATIVE_MARK = re.compile(r"<!--\s*narrative(?:\s*:\s*([a-z_]+))?\s*-->")


def narrative_mark(kind: str) -> str:
    """The HTML comment written under a narrative section's heading (invisible once rendered):
    the section comes back as narrative whatever its title says (``Timeline``, ``Summary``)."""
    return f"<!-- narrative: {kind} -->" if kind else "<!-- narrative -->"


def marked_narrative(text: str) -> str | None:
    """The kind ('' for none) of a ``narrative_mark`` line; None for any other text."""
    match = _NARRATIVE_MARK.fullmatch(text.strip())
    return None if match is None else match.group(1) or ""


def narrative_kind(heading: str) -> str | None:
    """``trigger``, ``detection``… for a heading that introduces a part of the account."""
    folded = fold(re.sub(r"\([^)]*\)", "", clean_heading(heading)))
    for kind, patterns in _NARRATIVE_COMPILED:
        if any(pattern.search(folded) for pattern in patterns):
            return kind
    return None


def section_kind(heading: str) -> str | None:
    folded = fold(clean_heading(heading))
    without_brackets = fold(re.sub(r"\([^)]*\)", "", clean_heading(heading)))
    if narrative_kind(heading) is not None:
        return NARRATIVE
    for candidate in (without_brackets, folded):
        for kind, patterns in _COMPILED:
            if any(pattern.search(candidate) for pattern in patterns):
                return kind
    return None


def guess_language(text: str) -> str:
    folded = fold(text[:20000])
    french = len(FRENCH_WORDS.findall(folded))
    english = len(ENGLISH_WORDS.findall(folded))
    return "fr" if french > english / 3 else "en"
