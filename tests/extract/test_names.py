"""Name comparison rules: titles, particles, transliterations, acronyms."""

from __future__ import annotations

from workbench.extract.names import (
    acronym,
    core_words,
    ends_with_org_head,
    is_acronym_of,
    looks_like_person_name,
    same_word,
    skeleton,
    strip_particle,
)


def test_core_words_drop_titles_particles_possessives():
    assert core_words("General Khaled Fawzy") == ["khaled", "fawzy"]
    assert core_words("Al-Mamlouk\u2019s") == ["mamlouk"]
    assert core_words("Abdel Fattah el-Sisi") == ["abdel", "fattah", "sisi"]
    assert core_words("the Syrian National Security Bureau") == [
        "syrian",
        "national",
        "security",
        "bureau",
    ]


def test_strip_particle():
    assert strip_particle("al-Mouallimi") == "Mouallimi"
    assert strip_particle("El-Sisi") == "Sisi"
    assert strip_particle("Alan") == "Alan"


def test_transliteration_variants_match():
    assert skeleton("Mamlouk") == skeleton("Mamluk")
    assert same_word("Mamlouk", "Mamluk")
    assert same_word("Mouallimi", "Muallimi")
    assert same_word("Kristin", "Kristen")


def test_different_names_do_not_match():
    assert not same_word("Mamlouk", "Mansour")
    assert not same_word("Ali", "Ala")  # short words need exact spelling
    assert not same_word("Hassan", "Hussein")
    assert not same_word("Fawzy", "Sisi")


def test_acronyms():
    assert acronym(["Egyptian", "General", "Petroleum", "Corporation"]) == "EGPC"
    assert acronym(["University", "of", "Southern", "Indiana"]) == "USI"
    assert acronym(["Internet", "Explorer", "6"]) == "IE6"
    assert is_acronym_of("EGPC", ["the", "Egyptian", "General", "Petroleum", "Corporation"])
    assert not is_acronym_of("Egpc", ["Egyptian", "General", "Petroleum", "Corporation"])
    assert not is_acronym_of("UN", ["Egyptian", "General", "Petroleum", "Corporation"])


def test_person_name_heuristic():
    assert looks_like_person_name("Bashar al-Assad")
    assert looks_like_person_name("the Bashar al-Assad")
    assert looks_like_person_name("General Khaled Fawzy")
    assert not looks_like_person_name("George Washington University")
    assert not looks_like_person_name("Mamlouk")
    assert not looks_like_person_name("Middle East Eye")


def test_org_heads():
    assert ends_with_org_head("General Intelligence Service")
    assert ends_with_org_head("the Syrian National Security Bureau's")
    assert not ends_with_org_head("Ali Mamlouk")


def test_middle_initials_and_one_letter_variants():
    assert core_words("John R. Bolton") == core_words("John Bolton")
    assert same_word("Haghia", "Hagia")
    assert same_word("Hassan", "Hasan")
    assert not same_word("Saleh", "Salem")
