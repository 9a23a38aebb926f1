"""Exercise sheets: blanks on the sheet, the engine's numbers in the key, both languages."""

from __future__ import annotations

import re

import numpy as np
import pytest

from engine.documents.exercise import (
    BLANK,
    exercise_html,
    exercise_markdown,
    key_path,
    random_exercise,
    write_exercise,
)
from main import main

KEY_LINE = re.compile(r"^- \((\d+)\) (\S+) = (\S+)$", re.M)


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def plain_results(thetas, x, y, lr):
    """Return every result of the notes' loop for one example, in the sheet's order."""
    a, z = [np.asarray(x, float)], [None]
    for t in thetas:
        z.append(t @ np.concatenate(([1.0], a[-1])))
        a.append(sig(z[-1]))
    out = []
    for zl, al in zip(z[1:], a[1:], strict=True):
        out += [*zl, *al]
    L = len(thetas) + 1
    d = {L: a[-1] - y}
    out += list(d[L])
    for l in range(L - 1, 1, -1):
        d[l] = (thetas[l - 1].T @ d[l + 1])[1:] * a[l - 1] * (1 - a[l - 1])
        out += list(d[l])
    Delta = {l: np.outer(d[l + 1], np.concatenate(([1.0], a[l - 1]))) for l in range(1, L)}
    for l in range(L - 1, 0, -1):
        out += list(Delta[l].ravel())
    for l in range(1, L):
        out += list(Delta[l].ravel())          # m = 1, λ = 0: D = Δ
    for l in range(1, L):
        out += list((thetas[l - 1] - lr * Delta[l]).ravel())
    return out


def parse_key(text: str, decimal: str = ".") -> list[float]:
    found = KEY_LINE.findall(text)
    assert [int(n) for n, _, _ in found] == list(range(1, len(found) + 1))
    return [float(v.replace("−", "-").replace(decimal, ".")) for _, _, v in found]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_key_holds_the_numbers_of_a_plain_computation(seed):
    net, X, Y = random_exercise(seed)
    assert net.layer_sizes in ([2, 2, 1], [2, 3, 2])
    trace = net.trace(X, Y, lr=0.5)
    got = parse_key(exercise_markdown(trace, key=True))
    want = plain_results([np.asarray(t) for t in net.thetas], X[0], Y[0], 0.5)
    np.testing.assert_allclose(got, want, rtol=1e-8, atol=1e-12)


def test_sheet_has_one_blank_per_key_entry_and_no_answers():
    net, X, Y = random_exercise(5)
    trace = net.trace(X, Y)
    sheet, key = exercise_markdown(trace), exercise_markdown(trace, key=True)
    assert sheet.count(BLANK) == len(KEY_LINE.findall(key))
    a2 = f"{trace.steps[3].payload.a[0]:.9g}"
    assert a2 in key and a2 not in sheet


def test_portuguese_key_writes_decimal_commas():
    net, X, Y = random_exercise(6)
    trace = net.trace(X, Y, lr=0.5)
    key = exercise_markdown(trace, "pt_BR", key=True)
    assert key.startswith("# Gabarito")
    got = parse_key(key, decimal=",")
    want = plain_results([np.asarray(t) for t in net.thetas], X[0], Y[0], 0.5)
    np.testing.assert_allclose(got, want, rtol=1e-8, atol=1e-12)


def test_html_sheet_is_one_page_with_blanks():
    net, X, Y = random_exercise(7)
    page = exercise_html(net.trace(X, Y))
    assert page.startswith("<!DOCTYPE html>") and BLANK in page


def test_key_is_written_beside_the_sheet(tmp_path):
    net, X, Y = random_exercise(8)
    key = write_exercise(tmp_path / "sheet.html", net.trace(X, Y))
    assert key == tmp_path / "sheet.key.html" == key_path(tmp_path / "sheet.html")
    assert (tmp_path / "sheet.html").is_file() and key.is_file()


def test_command_line_writes_mazur_with_the_articles_numbers(tmp_path, capsys):
    out = tmp_path / "mazur.md"
    assert main(["--exercise", str(out), "--preset", "mazur"]) == 0
    key = (tmp_path / "mazur.key.md").read_text(encoding="utf-8")
    # Mazur's article: net_h1 = 0.3775, out_h1 = 0.593269992
    assert "(1) z₁(2) = 0.3775" in key and "(3) a₁(2) = 0.593269992" in key


def test_command_line_random_network_from_seed_in_portuguese(tmp_path):
    out = tmp_path / "folha.md"
    assert main(["--exercise", str(out), "--seed", "11", "--lang", "pt_BR"]) == 0
    assert (tmp_path / "folha.md").read_text(encoding="utf-8").startswith("# Exercício")
    assert (tmp_path / "folha.key.md").is_file()


def test_command_line_refuses_other_formats(capsys):
    with pytest.raises(SystemExit):
        main(["--exercise", "sheet.pdf"])
    assert ".md" in capsys.readouterr().err
