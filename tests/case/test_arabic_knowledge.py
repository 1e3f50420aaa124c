"""The case learns in Arabic too: a name a person confirmed or renamed is found, under its
case name, in later Arabic articles; a name they rejected is no actor there."""

from __future__ import annotations

from workbench import Case
from workbench.model import Article


def _arabic(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, language="ar")


def test_a_renamed_arabic_name_is_found_in_a_later_article(case: Case):
    case.add_article(_arabic("one", "وقال وزير الإعلام أحمد زيدان إن الوفد وصل."))
    (person,) = [a for a in case.actors() if a.type.value == "person"]
    case.update_actor(person.id, name="Ahmad Zaidan")  # a person corrects the romanisation
    # no title introduces him here: only the case's knowledge can find him
    case.add_article(_arabic("two", "وصل أحمد زيدان إلى بيروت صباح اليوم."))
    (again,) = [a for a in case.actors() if a.type.value == "person"]
    assert again.id == person.id and again.name == "Ahmad Zaidan"
    assert set(again.articles) == {"one", "two"}


def test_a_rejected_arabic_name_is_no_actor_in_a_later_article(case: Case):
    case.add_article(_arabic("one", "وقال الرئيس عامل الخير إن الوفد وصل."))
    (person,) = [a for a in case.actors() if a.type.value == "person"]
    case.update_actor(person.id, status="rejected")
    case.add_article(_arabic("two", "وقال الرئيس عامل الخير إن اللقاء تم."))
    mentions = case.mentions(article_id="two")
    assert all(m.actor_id != person.id for m in mentions)
    assert not [
        a for a in case.actors() if a.type.value == "person" and a.status.value != "rejected"
    ]
