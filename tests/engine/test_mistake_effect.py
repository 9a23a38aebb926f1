"""The rule "this mistake changes no number here" against the numbers themselves: a trace with the
mistake and one without, compared entry by entry (every D(l) and every new Θ(l))."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from engine.lesson.presets import build_preset
from engine.mistake_effect import NO_EFFECT, has_effect, trace_no_effect_reason
from engine.mistakes import SWITCHES, Mistake
from engine.network import Network


@dataclass(frozen=True)
class Case:
    """A network and the settings it is traced with."""

    name: str
    net: Network
    X: np.ndarray
    Y: np.ndarray
    lam: float


def _random(sizes: list[int], output: str, loss: str, seed: int, zero_bias: bool = False
            ) -> Network:
    rng = np.random.default_rng(seed)
    thetas = [rng.uniform(-1, 1, (b, a + 1)) for a, b in zip(sizes, sizes[1:], strict=False)]
    if zero_bias:
        for t in thetas:
            t[:, 0] = 0.0
    return Network.from_thetas(thetas, "sigmoid", output, loss)


def _cases() -> list[Case]:
    mazur = build_preset("mazur")
    rng = np.random.default_rng(3)
    X4, Y4 = rng.uniform(0, 1, (4, 2)), rng.uniform(0.1, 0.9, (4, 1))
    return [
        Case("mazur", mazur.network, mazur.X, mazur.Y, mazur.lam),
        Case("squared-lam", _random([2, 3, 1], "sigmoid", "squared_error", 1), X4, Y4, 0.3),
        Case("cross-entropy", _random([2, 3, 1], "sigmoid", "cross_entropy", 2), X4, Y4, 0.3),
        Case("linear-out", _random([2, 3, 1], "linear", "squared_error", 4), X4, Y4, 0.3),
        Case("no-hidden", _random([2, 1], "sigmoid", "squared_error", 5), X4, Y4, 0.3),
        Case("zero-bias", _random([2, 3, 1], "sigmoid", "squared_error", 6, zero_bias=True),
             X4, Y4, 0.3),
        Case("one-example", _random([2, 3, 1], "sigmoid", "squared_error", 7), X4[:1], Y4[:1],
             0.3),
    ]


def _numbers_differ(case: Case, mistake: Mistake) -> bool:
    right = case.net.trace(case.X, case.Y, lam=case.lam, lr=0.5)
    wrong = case.net.trace(case.X, case.Y, lam=case.lam, lr=0.5, mistake=mistake)
    pairs = [*zip(right.D, wrong.D, strict=True),
             *zip(right.thetas_after, wrong.thetas_after, strict=True)]
    return any(not np.allclose(a, b, rtol=1e-12, atol=1e-15) for a, b in pairs)


@pytest.mark.parametrize("mistake", SWITCHES, ids=str)
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.name)
def test_no_effect_reason_matches_whether_the_numbers_change(case: Case, mistake: Mistake
                                                             ) -> None:
    trace = case.net.trace(case.X, case.Y, lam=case.lam, lr=0.5, mistake=mistake)
    says_no_effect = bool(trace_no_effect_reason(trace))
    assert says_no_effect == (not _numbers_differ(case, mistake))


def test_regularize_bias_on_mazur_says_lambda_is_zero() -> None:
    mazur = build_preset("mazur")
    trace = mazur.network.trace(mazur.X, mazur.Y, lam=0.0, mistake="regularize-bias")
    assert trace_no_effect_reason(trace) == NO_EFFECT["lam"]


def test_has_effect_reads_lambda_and_m_from_the_settings() -> None:
    @dataclass(frozen=True)
    class Settings:
        lam: float
        lr: float = 0.5

    net = _random([2, 3, 1], "sigmoid", "squared_error", 1)
    assert not has_effect(Mistake.REGULARIZE_BIAS, net, Settings(0.0), 4)
    assert has_effect(Mistake.REGULARIZE_BIAS, net, Settings(0.1), 4)
    assert not has_effect(Mistake.FORGET_1_OVER_M, net, Settings(0.1), 1)
    assert has_effect(Mistake.FORGET_1_OVER_M, net, Settings(0.1), 2)
    assert not has_effect(Mistake.L_DOWN_TO_1, net, Settings(0.1), 4)
