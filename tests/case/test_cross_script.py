"""One actor across scripts: an Arabic article's people, outlets and places join the
English articles' actors in the case, and every actor keeps its names in both scripts."""

from __future__ import annotations

import datetime

from case_builders import first_extraction, second_extraction

from workbench.extract.arabic import extract_arabic
from workbench.model import Actor, ActorType, Article, Extraction, Mention


def _arabic_sample(samples_dir) -> Extraction:
    path = samples_dir / "mamlouk-visits-cairo-ar.txt"
    _, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    article = Article(
        id="ar", text=body, published=datetime.date(2016, 10, 17), outlet="Al-Akhbar", language="ar"
    )
    return extract_arabic(article)


def _by_name(case) -> dict[str, object]:
    return {a.name: a for a in case.actors()}


def test_the_arabic_sample_joins_the_english_actors(case, samples_dir):
    case.add_extraction(first_extraction())
    case.add_extraction(second_extraction())
    before = _by_name(case)
    case.add_extraction(_arabic_sample(samples_dir))
    after = _by_name(case)
    mamlouk = after["Ali Mamlouk"]
    assert mamlouk.id == before["Ali Mamlouk"].id
    assert {"Mamluk", "علي مملوك", "المملوك"} <= set(mamlouk.aliases)
    assert len(mamlouk.articles) == 3
    for name in ("Abdel Fattah el-Sisi", "Khaled Fawzy", "Cairo"):
        assert after[name].id == before[name].id, name
        assert any("\u0600" <= ch <= "\u06ff" for alias in after[name].aliases for ch in alias)


def _person(name: str, *aliases: str) -> Extraction:
    text = " ".join((name, *aliases)) + " spoke."
    mentions, at = [], 0
    for form in (name, *aliases):
        start = text.index(form, at)
        mentions.append(Mention(start, start + len(form), form))
        at = start + len(form)
    actor = Actor(
        id="a1", name=name, type=ActorType.PERSON, aliases=aliases, mentions=tuple(mentions)
    )
    return Extraction(article=Article(id=name, text=text), actors=(actor,))


def test_an_unknown_name_joins_by_its_consonants_across_scripts(case):
    case.add_extraction(_person("Mohammed al-Khatib"))
    case.add_extraction(_person("Mhmd al-Khtib", "محمد الخطيب", "الخطيب"))
    (person,) = case.actors()
    assert person.name == "Mohammed al-Khatib" and "محمد الخطيب" in person.aliases


def test_names_in_one_script_do_not_join_by_consonants(case):
    # two Latin spellings are the English resolver's business; the skeleton is for scripts
    case.add_extraction(_person("Mohammed al-Khatib"))
    case.add_extraction(_person("Mahmoud al-Khatib"))
    assert len(case.actors()) == 2


def test_a_different_arabic_name_stays_apart(case):
    case.add_extraction(_person("Khaled Fawzy"))
    case.add_extraction(_person("Khld Mhmd", "خالد محمود"))
    assert len(case.actors()) == 2


def test_sqlites_glob_finds_the_arabic_letters_is_arabic_finds() -> None:
    """`_across_scripts` lets SQLite pick out the aliases in the other script: its test
    must be `is_arabic`'s, character for character (every character of the BMP)."""
    import json
    import sqlite3

    from workbench.case.resolve import ARABIC_GLOB
    from workbench.lexicon.transliterate import is_arabic

    chars = [chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    db = sqlite3.connect(":memory:")
    found = db.execute(
        "SELECT value FROM json_each(?) WHERE value GLOB ?", (json.dumps(chars), ARABIC_GLOB)
    ).fetchall()
    assert {row[0] for row in found} == {c for c in chars if is_arabic(c)}
    # a name: any Arabic letter in it, as `is_arabic` reads it
    for name in ("Ali Mamlouk", "علي مملوك", "Ali علي", "al-Khatib (الخطيب)"):
        matched = db.execute("SELECT ? GLOB ?", (name, ARABIC_GLOB)).fetchone()[0]
        assert bool(matched) == is_arabic(name), name


def _people_in_both_scripts(samples_dir) -> list[Extraction]:
    """The two English reports, the Arabic sample, and people in each script and in both
    (some the same person across scripts, some not), each in an article of its own."""
    found = [first_extraction(), second_extraction(), _arabic_sample(samples_dir)]
    for names in (
        ("Mohammed al-Khatib",),
        ("Mhmd al-Khtib", "محمد الخطيب", "الخطيب"),
        ("خالد فوزي",),
        ("Khaled Fawzy",),
        ("Khld Mhmd", "خالد محمود"),
        ("محمود الخطيب",),
        ("Mahmoud al-Khatib",),
        ("علي مملوك",),
        *((f"Correspondent {n:02d}",) for n in range(12)),
    ):
        found.append(_person(*names))
    return found


def test_the_script_filter_resolves_every_actor_as_the_whole_scan_did(
    tmp_path, samples_dir, monkeypatch
) -> None:
    from workbench import Case
    from workbench.case import resolve

    def listing(path, *, filtered: bool) -> list:
        with monkeypatch.context() as patched:
            if not filtered:  # the scan of every person's alias, as before the filter
                patched.setattr(resolve, "sqlite_picks_script", lambda tx: False)
            with Case.open(path) as case:
                for extraction in _people_in_both_scripts(samples_dir):
                    case.add_extraction(extraction)
                return [a.to_dict() for a in case.actors()]

    whole = listing(tmp_path / "whole.case", filtered=False)
    assert listing(tmp_path / "filtered.case", filtered=True) == whole
    assert len(whole) > 20
