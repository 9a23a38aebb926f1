"""A session's optional lesson: read, checked field by field, written back the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.files.lesson import PANELS, read_lesson
from engine.files.session_format import SessionError, dumps, load_session, loads
from engine.lesson.presets import build_preset

SHIPPED = Path(__file__).resolve().parents[3] / "resources" / "lessons" / "mazur-step-by-step.json"


def _doc(lesson):
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    doc["lesson"] = lesson
    return doc


def test_shipped_lesson_loads_with_steps_inside_the_step_through():
    session = load_session(SHIPPED)
    lesson = session.lesson
    assert lesson.title() == "Mazur step by step"
    assert lesson.title("pt_BR") == "Mazur passo a passo"
    assert 5 <= len(lesson.cards) <= 20
    s = build_preset("mazur")
    steps = len(s.network.trace(s.X, s.Y, lam=s.lam, lr=s.lr, freeze_bias=s.freeze_bias))
    assert all(1 <= c.step <= steps for c in lesson.cards if c.step is not None)
    assert all({"en", "pt_BR"} <= set(c.texts) for c in lesson.cards)
    assert "training" not in lesson.panels and "canvas" in lesson.panels


def test_a_lesson_round_trips():
    session = load_session(SHIPPED)
    again = loads(dumps(session))
    assert again.lesson == session.lesson


def test_a_session_without_lesson_writes_no_lesson_field():
    session = load_session(SHIPPED)
    session.lesson = None
    assert "lesson" not in json.loads(dumps(session))
    assert loads(dumps(session)).lesson is None


def test_plain_text_is_english_and_panels_default_to_all():
    lesson = read_lesson({"title": "T", "cards": [{"text": "hello", "step": 3}]})
    assert lesson.panels == PANELS
    assert lesson.cards[0].text("pt_BR") == "hello" and lesson.cards[0].step == 3


def test_the_users_language_is_chosen():
    lesson = read_lesson({"title": "T", "cards": [{"text": {"en": "hi", "pt_BR": "oi"}}]})
    assert lesson.cards[0].text("pt_BR") == "oi" and lesson.cards[0].text("de") == "hi"


@pytest.mark.parametrize(("lesson", "names"), [
    ({"cards": [{"text": "x"}]}, "lesson.title is missing"),
    ({"title": " ", "cards": [{"text": "x"}]}, "lesson.title.en must be a text of 1 to 200"),
    ({"title": "T", "cards": []}, "lesson.cards must hold 1 to 200"),
    ({"title": "T", "cards": [{"step": 2}]}, "lesson.cards[0].text is missing"),
    ({"title": "T", "cards": [{"text": "x", "step": 0}]}, "lesson.cards[0].step counts"),
    ({"title": "T", "cards": [{"text": "x", "step": 1.5}]}, "lesson.cards[0].step must be"),
    ({"title": "T", "cards": [{"text": "x", "action": "fly"}]}, "lesson.cards[0].action must"),
    ({"title": "T", "panels": ["canvas", "menu"], "cards": [{"text": "x"}]},
     "lesson.panels[1] must be one of"),
    ({"title": "T", "cards": [{"text": {"en": ""}}]}, "lesson.cards[0].text.en must be"),
    ({"title": "T", "cards": [{"text": 3}]}, "lesson.cards[0].text must be a text"),
])
def test_a_bad_lesson_names_its_field(lesson, names):
    with pytest.raises(SessionError, match=names.replace("[", r"\[").replace("]", r"\]")
                       .replace(".", r"\.")):
        loads(json.dumps(_doc(lesson)))
