"""Which outlet a web address belongs to: a sana.sy page is SANA, an afp.com page is AFP.

A person may link a claim to an outlet (an actor of the case) or to a web address; both
must count as that one outlet, or a claim linked to SANA and to a sana.sy page would count
two voices, and the sana.sy link none for SANA. An address is matched by its host's names
("sana" in sana.sy, "middleeasteye" in www.middleeasteye.net) against the outlet names the
gazetteer and the case know, compared as `name_key`s (case, spaces and hyphens ignored).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from ..case.records import CaseActor
from ..lexicon.gazetteer import MediaOutlet, media_info, name_key
from ..model import ActorType

MIN_LABEL = 3  # shorter host names ("co" in bbc.co.uk, "tv") name no outlet


def url_host(url: str) -> str:
    """The host of `url`, lower case, without "www."; the text itself if it has none."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return (host or url).lower().removeprefix("www.")


def host_names(url: str) -> list[str]:
    """The names in an address's host that could be an outlet's, most specific last:
    sana.sy -> ["sana"], english.alarabiya.net -> ["english", "alarabiya"]."""
    labels = url_host(url).split(".")
    return [name for name in labels[:-1] if len(name) >= MIN_LABEL]


def outlet_of_url(url: str) -> MediaOutlet | None:
    """The gazetteer's outlet whose site `url` is on, if its host names one."""
    for name in reversed(host_names(url)):
        found = media_info(name)
        if found is not None:
            return found
    return None


def actor_of_url(url: str, actors: Iterable[CaseActor]) -> CaseActor | None:
    """The case's media actor whose site `url` is on: by one of its names, or through the
    gazetteer outlet of the address (an actor called "Syrian Arab News Agency" for sana.sy)."""
    media = [a for a in actors if a.type is ActorType.MEDIA]
    names = {name_key(n) for n in host_names(url)}
    outlet = outlet_of_url(url)
    for actor in media:
        keys = {name_key(n) for n in (actor.name, *actor.aliases)}
        if keys & names:
            return actor
        if outlet is not None and any(
            media_info(n) == outlet for n in (actor.name, *actor.aliases)
        ):
            return actor
    return None
