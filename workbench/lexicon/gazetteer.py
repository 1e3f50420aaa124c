"""Fixed names shipped as data: media outlets, countries, international organisations.

The CSV files live in the lexicon (`workbench/lexicon/`); each is read once per process.
Lookups are by a folded key (see `name_key`), so "Al-Akhbar", "Al Akhbar" and "al-akhbar"
find one outlet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import table

MEDIA_KINDS = ("agency", "newspaper", "broadcaster", "online")


@dataclass(frozen=True)
class MediaOutlet:
    name: str
    variants: tuple[str, ...]
    country: str
    kind: str  # one of MEDIA_KINDS
    state_run: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "variants": list(self.variants),
            "country": self.country,
            "kind": self.kind,
            "state_run": self.state_run,
        }


@dataclass(frozen=True)
class Country:
    name: str
    variants: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    # what the press calls the state itself: "the Kingdom" for Saudi Arabia
    state_terms: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    name: str
    variants: tuple[str, ...]


_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case without accents or typographic quotes: the base of every lookup key."""
    if text.isascii():
        return text.lower()  # nothing to decompose or replace: most words, most of the time
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A key under which spelling variants of one name meet.

    Drops a leading "the", punctuation and spaces: "The Al-Akhbar" and "al Akhbar" both
    give "alakhbar"; "U.S." and "US" both give "us".
    """
    return _NON_WORD.sub("", _ARTICLE.sub("", fold(text).strip()))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


@lru_cache(maxsize=1)
def media_outlets() -> tuple[MediaOutlet, ...]:
    return tuple(
        MediaOutlet(
            name=row["name"],
            variants=_split(row["variants"]),
            country=row["country"],
            kind=row["kind"],
            state_run=row["state_run"].strip().lower() == "true",
        )
        for row in table("media_outlets.csv")
    )


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    return tuple(
        Country(
            name=row["name"],
            variants=_split(row["variants"]),
            demonyms=_split(row["demonyms"]),
            capital=row["capital"].strip(),
            state_terms=_split(row["state_terms"]),
        )
        for row in table("countries.csv")
    )


@lru_cache(maxsize=1)
def organizations() -> tuple[Organization, ...]:
    return tuple(
        Organization(name=row["name"], variants=_split(row["variants"]))
        for row in table("organizations.csv")
    )


def _index(items, keys_of) -> dict:
    index: dict = {}
    for item in items:
        for key in keys_of(item):
            # the first row wins: the CSVs list the better-known bearer of a name first
            index.setdefault(key, item)
    return index


@lru_cache(maxsize=1)
def _media_by_key() -> dict[str, MediaOutlet]:
    return _index(
        media_outlets(), lambda m: [name_key(n) for n in (m.name, *m.variants)] + _bare(m)
    )


def _bare(outlet: MediaOutlet) -> list[str]:
    """Keys without the Arabic article: "Al-Akhbar" is also found as "Akhbar".

    Only Arabic articles: "Daily Sabah" must not answer for Sabah, the Malaysian state.
    """
    keys = []
    for name in (outlet.name, *outlet.variants):
        stripped = _ARABIC_PARTICLE.sub("", name)
        if stripped != name and len(stripped) >= 5:
            keys.append(name_key(stripped))
    return keys


@lru_cache(maxsize=1)
def _countries_by_key() -> dict[str, Country]:
    return _index(countries(), lambda c: [name_key(n) for n in (c.name, *c.variants)])


@lru_cache(maxsize=1)
def _countries_by_demonym() -> dict[str, Country]:
    def keys(country: Country) -> list[str]:
        found = []
        for demonym in country.demonyms:
            found.append(name_key(demonym))
            found.append(name_key(plural(demonym)))
        return found

    return _index(countries(), keys)


@lru_cache(maxsize=1)
def _countries_by_capital() -> dict[str, Country]:
    return _index(countries(), lambda c: [name_key(c.capital)] if c.capital else [])


@lru_cache(maxsize=1)
def armed_groups() -> tuple[Organization, ...]:
    return tuple(
        Organization(name=row["name"], variants=_split(row["variants"]))
        for row in table("armed_groups.csv")
    )


@lru_cache(maxsize=1)
def _groups_by_key() -> dict[str, Organization]:
    return _index(armed_groups(), lambda o: [name_key(n) for n in (o.name, *o.variants)])


@lru_cache(maxsize=1)
def _organizations_by_key() -> dict[str, Organization]:
    return _index(organizations(), lambda o: [name_key(n) for n in (o.name, *o.variants)])


def plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "sh", "ch", "i", "ni")) or demonym in {"Swiss", "Thai"}:
        return demonym
    return demonym + "s"


_PARTICLE = re.compile(r"^(?:daily|the|al|el|an|as|ad|ar|at|ash)[\s\-]+", re.IGNORECASE)
_ARABIC_PARTICLE = re.compile(r"^(?:al|el|an|as|ad|ar|at|ash)[\s\-]+", re.IGNORECASE)


def strip_particles(name: str) -> str:
    """A name without leading Arabic articles or "Daily"/"The": "Daily Al-Akhbar" -> "Akhbar"."""
    previous = None
    while previous != name:
        previous = name
        name = _PARTICLE.sub("", name)
    return name


def media_info(name: str) -> MediaOutlet | None:
    """The outlet called `name` (any listed variant, with or without "Al-"/"The"), if known.

    "Daily Al-Akhbar", "al Akhbar" and "Al-Akhbar" all give Al-Akhbar.
    """
    by_key = _media_by_key()
    found = by_key.get(name_key(name))
    if found is None:
        stripped = strip_particles(name)
        if stripped != name:
            found = by_key.get(name_key(stripped))
    return found


def country_info(name: str) -> Country | None:
    """The country called `name` ("US", "Britain", "Syrian Arab Republic"), if known."""
    return _countries_by_key().get(name_key(name))


def country_of_demonym(word: str) -> Country | None:
    """The country a demonym names: "Syrian" and "Syrians" -> Syria."""
    return _countries_by_demonym().get(name_key(word))


def country_of_capital(name: str) -> Country | None:
    """The country whose capital is `name`: "Riyadh" -> Saudi Arabia."""
    return _countries_by_capital().get(name_key(name))


def organization_info(name: str) -> Organization | None:
    """The international organisation called `name` ("E.U.", "UN"), if known."""
    return _organizations_by_key().get(name_key(name))


def armed_group_info(name: str) -> Organization | None:
    """The armed or militant group called `name` ("ISIL", "Houthi movement"), if known."""
    return _groups_by_key().get(name_key(name))


def media_surface_forms() -> list[tuple[str, MediaOutlet]]:
    """Every written form of every outlet, for the phrase matcher."""
    forms = []
    for outlet in media_outlets():
        for form in dict.fromkeys((outlet.name, *outlet.variants)):
            forms.append((form, outlet))
    return forms
