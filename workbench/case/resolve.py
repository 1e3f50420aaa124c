"""Cross-article actor resolution: which case actor an extracted actor is.

The `aliases` table is the rule book. Each row says "an extracted actor of type T named or
aliased N (normalised) is case actor X". Extraction adds rows; a person's merges, splits
and renames move or add rows, so re-extraction resolves the same way again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from ..model import Actor, ActorType
from .store import Transaction

_ARTICLE = re.compile(r"^(?:the|al|el|ad|an|as|ash|at|az)\s+(?=\S)")
_NON_WORD = re.compile(r"[^\w]+")


def normalise_name(name: str) -> str:
    """A key under which spellings of one name meet: "Al-Mamlouk" and "al Mamlouk" alike.

    Accents and case go, punctuation becomes space, a leading article ("the", Arabic
    "al-") is dropped, so "Al-Mamlouk" meets "Mamlouk" and "The Guardian" "Guardian".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("'", "").replace("\u2019", "").casefold()
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    text = " ".join(text.split())
    return _ARTICLE.sub("", text)


def actor_keys(actor: Actor, *, media_name: str | None = None) -> list[tuple[str, str]]:
    """(normalised alias, surface form) for an extracted actor, strongest first."""
    names: list[str] = []
    if media_name:
        names.append(media_name)
    names.append(actor.name)
    names.extend(actor.aliases)
    seen: dict[str, str] = {}
    for name in names:
        norm = normalise_name(name)
        if norm and norm not in seen:
            seen[norm] = name
    return list(seen.items())


@lru_cache(maxsize=1)
def _media_lookup() -> Callable[[str], Any] | None:
    """The extraction gazetteer's outlet lookup, where the actors engineer provides one."""
    import importlib

    for module_name, function_name in (
        ("workbench.extract.gazetteer", "media_info"),
        ("workbench.extract.gazetteer", "lookup_media"),
        ("workbench.extract.media", "media_info"),
        ("workbench.extract.actors", "media_info"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, function_name, None)
        if callable(function):
            return function
    return None


@lru_cache(maxsize=4096)
def media_info(name: str) -> dict[str, Any] | None:
    """What the gazetteer knows of an outlet: {"name", "country", "state_run", ...} or None.

    Degrades to None when no gazetteer is installed or it does not know the name.
    Cached: a case names the same few outlets thousands of times. Do not mutate the result.
    """
    lookup = _media_lookup()
    if lookup is None or not name:
        return None
    try:
        info = lookup(name)
    except Exception:  # a gazetteer bug must not stop a case from loading
        return None
    if info is None:
        return None
    if isinstance(info, dict):
        return info
    if hasattr(info, "to_dict"):
        return info.to_dict()
    if hasattr(info, "__dict__"):
        return dict(vars(info))
    return None


def _canonical_media_name(actor: Actor) -> str | None:
    if actor.type is not ActorType.MEDIA:
        return None
    for name in (actor.name, *actor.aliases):
        info = media_info(name)
        if info and info.get("name"):
            return str(info["name"])
    return None


def resolve_actor(tx: Transaction, actor: Actor) -> str | None:
    """The case actor an extracted actor is, or None if it is new to the case.

    Its own name (or the outlet's gazetteer name) settles it. A match through an alias
    only ("Assad") must not contradict the full names: "Hafez al-Assad" does not become
    the "Bashar al-Assad" of an earlier article because both are called "Assad".
    """
    media_name = _canonical_media_name(actor)
    names = {normalise_name(actor.name)} | ({normalise_name(media_name)} if media_name else set())
    for norm, _ in actor_keys(actor, media_name=media_name):
        found = tx.row(
            "SELECT actor_id FROM aliases WHERE norm = ? AND type = ?", (norm, actor.type.value)
        )
        if found is None:
            continue
        actor_id = str(found[0])
        if norm in names or _compatible(tx, actor_id, normalise_name(actor.name)):
            return actor_id
    return None


def _compatible(tx: Transaction, actor_id: str, name: str) -> bool:
    """Whether an actor's full names (two words or more) agree with `name`, word for word."""
    words = set(name.split())
    if len(words) < 2:
        return True
    full_names = [
        set(row[0].split())
        for row in tx.rows("SELECT norm FROM aliases WHERE actor_id = ?", (actor_id,))
        if " " in row[0]
    ]
    if not full_names:
        return True
    return any(full <= words or words <= full for full in full_names)


def add_aliases(tx: Transaction, actor_id: str, actor: Actor) -> None:
    """Teach the rule book the extracted actor's names; names already owned stay put."""
    media_name = _canonical_media_name(actor)
    for norm, alias in actor_keys(actor, media_name=media_name):
        tx.execute(
            "INSERT INTO aliases (actor_id, norm, type, alias) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(norm, type) DO NOTHING",
            (actor_id, norm, actor.type.value, alias),
        )


def pinned_owner(tx: Transaction, text: str, actor_type: ActorType) -> str | None:
    """The actor a person split this surface form off to, if any."""
    found = tx.row(
        "SELECT actor_id FROM aliases WHERE norm = ? AND type = ? AND pinned = 1",
        (normalise_name(text), actor_type.value),
    )
    return str(found[0]) if found is not None else None


def distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
