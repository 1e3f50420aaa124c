"""Cross-article actor resolution: which case actor an extracted actor is.

The `aliases` table is the rule book. Each row says "an extracted actor of type T named or
aliased N (normalised) is case actor X". Extraction adds rows; a person's merges, splits
and renames move or add rows, so re-extraction resolves the same way again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..lexicon.gazetteer import media_info
from ..lexicon.transliterate import is_arabic, same_name
from ..model import Actor, ActorType
from . import backend
from .store import Transaction

# an alias holding an Arabic letter, as SQLite's GLOB reads it: the letters of
# `lexicon.transliterate.is_arabic` (its ranges; a test checks every character agrees)
ARABIC_GLOB = "*[\u0600-\u06ff\u0750-\u077f]*"

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


def _canonical_media_name(actor: Actor) -> str | None:
    if actor.type is not ActorType.MEDIA:
        return None
    for name in (actor.name, *actor.aliases):
        outlet = media_info(name)
        if outlet is not None:
            return outlet.name
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
    return _across_scripts(tx, actor)


def _across_scripts(tx: Transaction, actor: Actor) -> str | None:
    """The person the case knows under a name in the other script: an Arabic article's
    علي مملوك or "المعلمي" is the English articles' Ali Mamlouk or al-Mouallimi when the
    consonant skeletons agree (`lexicon.transliterate.same_name`). Only people: outlets,
    countries and groups carry their Latin name from the gazetteer already."""
    if actor.type is not ActorType.PERSON:
        return None
    # each name's script found once, not once per alias of the case: this scan runs for
    # every new person of every article added, over all the people the case knows
    names = [(n, is_arabic(n)) for n in (actor.name, *actor.aliases)]
    scripts = {arabic for _, arabic in names}
    sql, params = "SELECT actor_id, alias FROM aliases WHERE type = ?", [actor.type.value]
    if len(scripts) == 1 and sqlite_picks_script(tx):
        # names all in one script: only the aliases in the other can match, picked out by
        # SQLite (the same test as `is_arabic`: tests/case/test_cross_script.py). Fetching
        # every person's alias and testing its script was 46% of an add's CPU at 5,000
        # articles (64 ms for each new person: every added article brings one)
        sql += " AND alias NOT GLOB ?" if True in scripts else " AND alias GLOB ?"
        params.append(ARABIC_GLOB)
    for actor_id, alias in tx.rows(f"{sql} ORDER BY rowid", params):
        arabic = is_arabic(alias)
        if scripts == {arabic}:  # every name in the alias's own script: none to compare
            continue
        if any(script != arabic and same_name(n, alias) for n, script in names):
            return str(actor_id)
    return None


def sqlite_picks_script(tx: Transaction) -> bool:
    """Whether the case's database picks out aliases by script itself (SQLite's GLOB; a
    server is sent the whole scan, as before)."""
    return not backend.on_server(tx.db)


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
            rows=[{"actor_id": actor_id}],  # told: the actor listing kept is updated
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
