"""Sign-off role names as people type them: ``prepared_by``, ``Prepared by``, ``prepared-by``,
``Préparé par`` all mean the role ``prepared_by``."""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError

#: English and French labels of the default roles (keys are the stored role names)
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "prepared_by": ("Prepared by", "Préparé par", "Préparée par", "Rédigé par"),
    "reviewed_by": ("Reviewed by", "Relu par", "Revu par", "Relue par"),
    "approved_by": ("Approved by", "Approuvé par", "Validé par"),
    "filed_by": ("Filed by", "Archivé par", "Classé par"),
}


def role_key(text: str) -> str:
    """The comparable form of a role: ASCII, lower case, words joined by ``_``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def normalise_role(text: str, roles: tuple[str, ...]) -> str:
    """The role among ``roles`` that ``text`` names; ``ValidationError`` when none does."""
    wanted = role_key(text)
    for role in roles:
        labels = (role, *ROLE_LABELS.get(role, ()))
        if any(role_key(label) == wanted for label in labels):
            return role
    raise ValidationError(f"Unknown sign-off role '{text.strip()}' (roles: {', '.join(roles)}).")
