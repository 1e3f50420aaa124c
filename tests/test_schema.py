"""The extraction/1 contract: the schema file, the dataclasses' JSON, and the offsets rule."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from workbench.model import Actor, Article, Claim, Event, Extraction, Mention, Relation
from workbench.schema import extraction_schema, validate_extraction

TEXT = "SANA reported that Ali Mamlouk visited Cairo on October 8."


def small_extraction() -> Extraction:
    return Extraction(
        article=Article(id="x", text=TEXT, published="2016-10-17"),
        actors=(
            Actor("a1", "SANA", "media", mentions=(Mention(0, 4, "SANA"),)),
            Actor("a2", "Ali Mamlouk", "person", mentions=(Mention(19, 30, "Ali Mamlouk"),)),
        ),
        claims=(
            Claim(
                "c1",
                TEXT[19:57],
                19,
                57,
                "indirect",
                cue="reported",
                speaker="a1",
                speaker_text="SANA",
                channels=("a1",),
            ),
        ),
        events=(Event("e1", "2016-10-08", "day", "October 8", 48, 57, actors=("a2",), claim="c1"),),
        relations=(Relation("a2", "a1", "co-occurs", 1.0),),
    )


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(extraction_schema())


def test_dataclasses_produce_valid_extraction():
    data = small_extraction().to_dict()
    validate_extraction(data)
    assert Extraction.from_dict(data) == small_extraction()


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["claims"][0].update(start=18),
        lambda d: d["actors"][0]["mentions"][0].update(end=5),
        lambda d: d["events"][0].update(date_text="October 9"),
        lambda d: d["claims"][0].update(speaker="a9"),
        lambda d: d["actors"][0].update(type="robot"),
        lambda d: d["events"][0].update(precision="week"),
        lambda d: d.update(schema="workbench.extraction/2"),
        lambda d: d["relations"][0].update(target="a7"),
    ],
)
def test_validation_catches_broken_output(breakage):
    data = copy.deepcopy(small_extraction().to_dict())
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validate_extraction(data)
