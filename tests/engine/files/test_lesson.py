"""A session's optional lesson: read, checked field by field, written back the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.files.lesson import PANELS, read_lesson
from engine.files.session_format import SessionError, dumps, load_session, loads
from engine.lesson.presets import build_preset
from engine.steps import Phase

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


LESSONS = sorted((SHIPPED.parent).glob("*.json"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_shipped_lesson_opens_in_both_languages_with_steps_inside_its_trace(path):
    session = load_session(path)
    lesson = session.lesson
    assert lesson is not None and lesson.title() and lesson.title("pt_BR") != lesson.title()
    assert all({"en", "pt_BR"} <= set(c.texts) for c in lesson.cards)
    k = session.examples or 1
    trace = session.network.trace(session.X[:k], session.Y[:k], lam=session.settings["lam"],
                                  lr=session.settings["lr"],
                                  freeze_bias=session.settings["freeze_bias"])
    assert all(1 <= c.step <= len(trace) for c in lesson.cards if c.step is not None)


def test_the_xor_lesson_names_the_steps_it_points_at():
    session = load_session(SHIPPED.parent / "xor-truth-table.json")
    assert session.examples == 4 and session.X.shape == (4, 2)
    trace = session.network.trace(session.X, session.Y, lam=0.0, lr=session.settings["lr"],
                                  freeze_bias=False)
    cards = {c.texts["en"].split(":")[0].split(",")[0]: c for c in session.lesson.cards}
    third = trace[cards["Example 3"].step - 1]
    assert third.example == 2 and third.phase is Phase.ACCUMULATE and third.layer == 2
    assert trace[cards["Example 4"].step - 1].example == 3
    gradient = next(c for c in session.lesson.cards if c.texts["en"].startswith("D(1)"))
    assert trace[gradient.step - 1].phase is Phase.GRADIENT and trace[gradient.step - 1].layer == 1
    assert trace[len(trace) - 1].phase is Phase.UPDATE
