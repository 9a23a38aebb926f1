"""The command line around sessions and exports: open a file, export without a window, and a bad
file gives one line on stderr and status 2 — never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


def run_main(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=180, env=env, cwd=cwd or ROOT)


def _one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines()
             if ln.startswith("backprop-visualizer:")]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("name,fragment", [
    ("truncated.json", "not valid JSON"),
    ("shapes_dont_chain.json", "Θ(2)"),
    ("binary_garbage.json", "binary"),
    ("enormous_dimensions.json", "network.layer_sizes[1]"),
    ("history_epochs_decrease.json", "epochs must increase"),
])
def test_bad_session_on_the_command_line_exits_2_with_one_line(tmp_path, name, fragment):
    line = _one_line_error(run_main(str(DATA / "bad" / name), "--screenshot",
                                    str(tmp_path / "x.png")))
    assert name in line and fragment in line
    assert not (tmp_path / "x.png").exists()


def test_bad_session_message_on_the_command_line_stays_english_in_pt_br(tmp_path):
    # The window translates engine errors; stderr is for logs and scripts, in English.
    line = _one_line_error(run_main(str(DATA / "bad" / "negative_learning_rate.json"),
                                    "--lang", "pt_BR", "--screenshot", str(tmp_path / "x.png")))
    assert line == ("backprop-visualizer: negative_learning_rate.json: settings.lr must be "
                    "greater than 0, got -0.5")


def test_bad_session_with_an_export_exits_2(tmp_path):
    line = _one_line_error(run_main(str(DATA / "bad" / "nan_weight.json"),
                                    "--export-worked-example", str(tmp_path / "we.md")))
    assert "NaN" in line and not (tmp_path / "we.md").exists()


def test_missing_session_file_exits_2(tmp_path):
    line = _one_line_error(run_main(str(tmp_path / "nowhere.json"), "--screenshot",
                                    str(tmp_path / "x.png")))
    assert "nowhere.json" in line


def test_session_on_the_command_line_is_the_one_exported(tmp_path):
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text(encoding="utf-8"))
    doc["network"]["thetas"][0][0][1] = 0.5            # w1 = 0.5 instead of Mazur's 0.15
    (tmp_path / "lesson.json").write_text(json.dumps(doc), encoding="utf-8")
    proc = run_main(str(tmp_path / "lesson.json"), "--export-worked-example",
                    str(tmp_path / "we.md"))
    assert proc.returncode == 0, proc.stderr
    # net_h1 = 0.35·1 + 0.5·0.05 + 0.2·0.1 = 0.395
    assert "= 0.395\n" in (tmp_path / "we.md").read_text(encoding="utf-8")


def test_export_worked_example_html_without_a_window(tmp_path):
    proc = run_main("--preset", "mazur", "--export-worked-example", str(tmp_path / "we.html"))
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "we.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "0.35891648" in page


def test_export_worked_example_in_portuguese_writes_decimal_commas(tmp_path):
    proc = run_main("--preset", "mazur", "--export-worked-example", str(tmp_path / "we.md"),
                    "--lang", "pt_BR")
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "we.md").read_text(encoding="utf-8")
    # Mazur's E_total 0.298371109 and inputs 0.05, 0.10, as a Brazilian reader writes them.
    assert "0,298371109" in text and "- x = [0,05; 0,1]" in text and "0.29" not in text


def test_export_gif_without_a_window_has_a_frame_per_micro_step(tmp_path):
    proc = run_main("--preset", "mazur", "--export-gif", str(tmp_path / "s.gif"))
    assert proc.returncode == 0, proc.stderr
    with Image.open(tmp_path / "s.gif") as gif:
        assert gif.n_frames == 14          # Mazur 2-2-2, one example: 14 micro-steps
        assert gif.size[0] > 300


def test_export_to_an_unwritable_place_exits_2(tmp_path):
    line = _one_line_error(run_main("--export-worked-example",
                                    str(tmp_path / "no" / "such" / "dir" / "we.md")))
    assert "we.md" in line


def test_a_headless_screenshot_prints_nothing_on_stderr(tmp_path):
    # The offscreen platform's "does not support propagateSizeHints()" notice told users
    # nothing; a clean run says nothing at all.
    proc = run_main("--preset", "xor", "--step", "3", "--screenshot", str(tmp_path / "x.png"),
                    cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert (tmp_path / "x.png").stat().st_size > 0


def test_exports_and_trace_follow_the_examples_option(tmp_path):
    proc = run_main("--preset", "xor-table", "--examples", "3", "--export-worked-example",
                    str(tmp_path / "we.md"))
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "we.md").read_text(encoding="utf-8")
    assert "example 3" in text and "example 4" not in text
    assert "D₁₀(1) = (1/3)·(" in text
    out = run_main("--trace", "--preset", "xor-table").stdout
    assert "example 4" in out and "m = 4" in out      # K defaults to the whole 4-row table


def test_export_gif_has_a_frame_per_micro_step_of_k_examples(tmp_path):
    proc = run_main("--preset", "xor-table", "--examples", "2", "--export-gif",
                    str(tmp_path / "s.gif"))
    assert proc.returncode == 0, proc.stderr
    with Image.open(tmp_path / "s.gif") as gif:
        assert gif.n_frames == 1 + 2 * 9 + 4     # Δ := 0, 9 steps per example, D and update


def test_trace_follows_the_session_on_the_command_line(tmp_path):
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text(encoding="utf-8"))
    doc["network"]["thetas"][0][0][1] = 0.5            # w1 = 0.5 instead of Mazur's 0.15
    (tmp_path / "lesson.json").write_text(json.dumps(doc), encoding="utf-8")
    proc = run_main(str(tmp_path / "lesson.json"), "--trace")
    assert proc.returncode == 0, proc.stderr
    # net_h1 = 0.35·1 + 0.5·0.05 + 0.2·0.1 = 0.395 (Mazur's preset gives 0.3775)
    assert "z(2) (2) = [0.395, 0.3925]" in proc.stdout and "0.3775" not in proc.stdout
    assert "plain gradient descent" not in proc.stdout


def test_trace_of_a_session_trained_with_another_optimizer_says_what_its_update_is(tmp_path):
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text(encoding="utf-8"))
    doc["settings"]["optimizer"] = "adam"
    (tmp_path / "adam.json").write_text(json.dumps(doc), encoding="utf-8")
    proc = run_main(str(tmp_path / "adam.json"), "--trace")
    assert proc.returncode == 0, proc.stderr
    assert "The session trains with adam; the update lines below are the notes' plain " \
           "gradient descent" in proc.stdout


def _key_values(path) -> dict[str, float]:
    """Return the answer key's numbered results, e.g. {"D(1)₁₁": 0.000438…}."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("- (") and " = " in line:
            name, value = line.split(") ", 1)[1].split(" = ")
            out[name] = float(value.replace("−", "-"))
    return out


def test_exercise_of_a_session_with_l1_gives_and_answers_with_its_lambda1(tmp_path):
    doc = json.loads((DATA / "ok" / "mazur_step7.json").read_text(encoding="utf-8"))
    (tmp_path / "plain.json").write_text(json.dumps(doc), encoding="utf-8")
    doc["settings"]["lam1"] = 0.1
    (tmp_path / "l1.json").write_text(json.dumps(doc), encoding="utf-8")
    for name in ("plain", "l1"):
        proc = run_main(str(tmp_path / f"{name}.json"), "--exercise", str(tmp_path / f"{name}.md"))
        assert proc.returncode == 0, proc.stderr
    assert "- λ₁ = 0.1" in (tmp_path / "l1.md").read_text(encoding="utf-8")
    assert "λ₁" not in (tmp_path / "plain.md").read_text(encoding="utf-8")
    plain, l1 = _key_values(tmp_path / "plain.key.md"), _key_values(tmp_path / "l1.key.md")
    # The notes' L1 term: D gains (λ₁/m)·sign(θ) on the non-bias columns (m = 1 here, every
    # weight of Mazur's Θ positive), the bias column j = 0 nothing.
    for layer in (1, 2):
        for i in (1, 2):
            assert l1[f"D({layer}){_SUB[i]}₀"] == pytest.approx(plain[f"D({layer}){_SUB[i]}₀"])
            for j in (1, 2):
                key = f"D({layer}){_SUB[i]}{_SUB[j]}"
                assert l1[key] == pytest.approx(plain[key] + 0.1, rel=1e-8)
    # Everything before the gradient is the same forward and backward pass.
    assert l1["z₁(2)"] == plain["z₁(2)"]


_SUB = {0: "₀", 1: "₁", 2: "₂"}


def test_trace_of_a_bad_session_exits_2_with_one_line():
    line = _one_line_error(run_main(str(DATA / "bad" / "nan_weight.json"), "--trace"))
    assert "nan_weight.json" in line and "NaN" in line
