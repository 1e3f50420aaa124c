"""Hand-built inputs for the event and relation tests: actors without the actor rules."""

from __future__ import annotations

import re

from workbench.model import Actor


def hand_actors(text: str, names: dict[str, str]) -> list[Actor]:
    """Actors built by hand: one per name, a mention at every occurrence of each alias."""
    actors = []
    for i, (name, kind) in enumerate(names.items(), start=1):
        aliases = name.split("|")
        mentions = [
            (m.start(), m.end(), m.group())
            for alias in aliases
            for m in re.finditer(rf"\b{re.escape(alias)}\b", text)
        ]
        actors.append(
            Actor(
                id=f"a{i}",
                name=aliases[0],
                type=kind,
                aliases=tuple(aliases[1:]),
                mentions=[{"start": s, "end": e, "text": t} for s, e, t in sorted(mentions)],
            )
        )
    return actors
