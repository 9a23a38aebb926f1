"""Import a data set from a CSV file the learner brings: features X (m, n) and targets Y (m, K).

Handles what spreadsheets write: an optional header row (detected), ``,`` ``;`` or tab
separators, decimal commas (``1,5`` when the separator is ``;`` or tab, or quoted), a UTF-8
byte-order mark, blank lines and ``#`` comment lines. The label column (last by default) may hold
class names (mapped to 0..K−1, sorted) or numbers: whole numbers with few distinct values are
classes, real numbers make a regression target. All or nothing: any bad cell raises
``CsvImportError`` naming the line (1-based, as an editor shows it) and the reason.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.datasets import Dataset, split
from engine.files.safe_read import read_bytes_limited
from engine.messages import (
    QT_TRANSLATE_NOOP,
    EngineError,
    EngineValueError,
    Message,
    in_file,
    message,
    printable,
    show_name,
)

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 2_000
MAX_VALUES = 2_000_000             # rows × columns, so a session can hold the data
MAX_CLASSES = 100
MAX_CLASSES_FROM_NUMBERS = 20       # whole-number labels with more distinct values: regression
SEPARATORS = ("\t", ";", ",")


class CsvImportError(EngineError, ValueError):
    """A CSV file that cannot be imported; the message names the line and the reason."""


@dataclass(frozen=True)
class CsvTable:
    """The parsed text: ``header`` (or None) and the data ``rows`` with their file line numbers."""

    header: list[str] | None
    rows: list[list[str]]
    lines: list[int]
    separator: str


# What a spreadsheet writes: ASCII digits, one decimal point or comma, an exponent. Python's
# float() also takes "1_000", full-width and Arabic-Indic digits, which no CSV means as numbers.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity",
               "-infinity"}


def parse_number(cell: str) -> float | None:
    """Return the number in ``cell`` ("1.5", "1,5", "-2e3", " 7 "), or None if it is not one.
    NaN and infinities are returned as such (to be refused as not finite, by name)."""
    text = cell.strip().replace("\u2212", "-")
    if text.lower() in _NOT_FINITE:
        return float(text)
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def read_text(path: str | os.PathLike) -> str:
    """Return the file's text (UTF-8, BOM removed), rejecting binary, huge or undecodable files."""
    p = Path(path)
    data = read_bytes_limited(p, MAX_FILE_BYTES, CsvImportError)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise in_file(CsvImportError, show_name(p.name), CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "the file is UTF-16 text; save it as UTF-8 CSV")))
    if b"\x00" in data[:8192]:
        raise in_file(CsvImportError, show_name(p.name), CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "the file is binary, not CSV text")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")  # spreadsheets on Windows often save this way
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise in_file(CsvImportError, show_name(p.name), CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "line {line}: the text is neither UTF-8 nor Windows-1252"),
                line=line)) from None


def _rows(text: str, sep: str) -> tuple[list[list[str]], list[int]]:
    rows, lines = [], []
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        end = 0
        for row in reader:
            start, end = end + 1, reader.line_num
            if any("\n" in c or "\r" in c for c in row):
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "line {line}: a quoted cell runs on to line {end}; is a closing "
                              "quote missing?"), line=start, end=end)
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            rows.append([c.strip() for c in row])
            lines.append(reader.line_num)
            if len(rows) > MAX_ROWS + 1:
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "more than {limit} rows; the limit is {limit}"), limit=MAX_ROWS)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "line {line}: a cell of more than {limit} characters; is the "
                          "separator right?"),
                line=reader.line_num, limit=csv.field_size_limit()) from None
        # Python's csv module explains in English; the line number is what matters most.
        raise CsvImportError(QT_TRANSLATE_NOOP("Engine", "line {line}: {reason}"),
                             line=reader.line_num, reason=str(exc)) from None
    return rows, lines


def _guess_separator(text: str) -> str:
    sample = [ln for ln in text.splitlines()[:50] if ln.strip() and not ln.lstrip().startswith("#")]
    if not sample:
        return ","
    for sep in SEPARATORS:
        try:
            counts = {len(r) for r in csv.reader(sample, delimiter=sep)}
        except csv.Error:       # a cell past the field limit: reading the file will say where
            continue
        if len(counts) == 1 and counts.pop() > 1:
            return sep
    # Ragged or single-column: pick the separator the first line uses most, so the error about
    # the ragged line is reported for the right separator.
    return max(SEPARATORS, key=lambda s: (sample[0].count(s), s == ","))


def _looks_like_header(rows: list[list[str]]) -> bool:
    first, rest = rows[0], rows[1:21]
    if not rest:
        return all(parse_number(c) is None for c in first)
    for j, cell in enumerate(first):
        column = [r[j] for r in rest if j < len(r)]
        if parse_number(cell) is None and column and all(parse_number(c) is not None
                                                          for c in column):
            return True
    return all(parse_number(c) is None for c in first) and any(
        parse_number(c) is not None for r in rest for c in r)


def read_table(text: str, separator: str | None = None,
               has_header: bool | None = None) -> CsvTable:
    """Return the rows of CSV ``text``; ``separator``/``has_header`` None means detect."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise CsvImportError(QT_TRANSLATE_NOOP("Engine", "the file is binary, not CSV text"))
    if "\r" in text and "\n" not in text:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "the lines end with a carriage return only (an old Mac format); save the "
                      "file with ordinary line ends"))
    sep = separator or _guess_separator(text)
    rows, lines = _rows(text, sep)
    if not rows:
        raise CsvImportError(QT_TRANSLATE_NOOP("Engine", "the file has no data rows"))
    header = None
    if has_header or (has_header is None and _looks_like_header(rows)):
        header, rows, lines = rows[0], rows[1:], lines[1:]
    if not rows:
        raise CsvImportError(QT_TRANSLATE_NOOP("Engine", "the file has a header but no data rows"))
    width = len(header) if header is not None else len(rows[0])
    if width > MAX_COLUMNS:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "line {line}: {width} columns; the limit is {limit}"),
            line=lines[0], width=width, limit=MAX_COLUMNS)
    if width < 2:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "line {line}: only one column; a data set needs at least one feature column "
                      "and a label column (separator {separator})"),
            line=lines[0], separator=_sep_name(sep))
    for row, line in zip(rows, lines, strict=True):
        if len(row) != width:
            cells = (message(QT_TRANSLATE_NOOP("Engine", "1 cell")) if len(row) == 1 else
                     message(QT_TRANSLATE_NOOP("Engine", "{count} cells"), count=len(row)))
            if header is not None:
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "line {line}: {cells}, but the header has {width} "
                              "(separator {separator})"),
                    line=line, cells=cells, width=width, separator=_sep_name(sep))
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "line {line}: {cells}, but the first row has {width} "
                          "(separator {separator})"),
                line=line, cells=cells, width=width, separator=_sep_name(sep))
    return CsvTable(header, rows, lines, sep)


def _sep_name(sep: str) -> Message | str:
    if sep == "\t":
        return message(QT_TRANSLATE_NOOP("Engine", "tab"))
    return {";": "';'", ",": "','"}.get(sep, repr(sep))


def _label_index(table: CsvTable, label: int | str) -> int:
    width = len(table.rows[0])
    if isinstance(label, str):
        if table.header is None:
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "there is no column named {label!r} (the file has no header)"),
                label=label)
        if label not in table.header:
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "there is no column named {label!r} (columns: {columns})"),
                label=label[:40], columns=show_name(", ".join(table.header), 120))
        return table.header.index(label)
    if not -width <= label < width:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "label column {label} is outside 0..{last}"), label=label, last=width - 1)
    return label % width


def _column_name(table: CsvTable, j: int) -> Message:
    if table.header is not None and table.header[j]:
        return message(QT_TRANSLATE_NOOP("Engine", "column {number} ({name!r})"),
                       number=j + 1, name=table.header[j][:40])
    return message(QT_TRANSLATE_NOOP("Engine", "column {number}"), number=j + 1)


def import_csv(text: str, label: int | str = -1, task: str = "auto",
               separator: str | None = None, has_header: bool | None = None,
               standardize: bool = False, test_ratio: float = 0.0, seed: int = 0,
               name: str = "imported", standardize_y: bool = False) -> Dataset:
    """Return a Dataset from CSV ``text``: X (m, n) from the numeric feature columns, Y (m, 1) for
    two classes or regression, one-hot (m, K) for K > 2 classes.

    ``label`` is the label column (index, negative from the end, or header name); ``task`` is
    ``auto``, ``classification`` or ``regression``. ``standardize`` rescales each feature to mean 0
    and standard deviation 1 (recorded in ``params``). ``standardize_y`` does the same to a
    regression's target (``params`` keep ``y_mean`` and ``y_std``: y in the file's units is
    y_std·y + y_mean); a target in the thousands would otherwise need thousands of epochs, or a
    learning rate that makes the sigmoid layers saturate. Class labels are never rescaled.
    ``test_ratio`` > 0 holds out a shuffled test part drawn with ``seed``.
    """
    if task not in ("auto", "classification", "regression"):
        raise EngineValueError(QT_TRANSLATE_NOOP(
            "Engine", "task must be auto, classification or regression, got {task!r}"), task=task)
    table = read_table(text, separator, has_header)
    lab = _label_index(table, label)
    feats = [j for j in range(len(table.rows[0])) if j != lab]
    if len(table.rows) * len(table.rows[0]) > MAX_VALUES:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "{rows} rows × {columns} columns is more than the limit of {limit} values"),
            rows=len(table.rows), columns=len(table.rows[0]), limit=MAX_VALUES)
    X = np.empty((len(table.rows), len(feats)))
    for i, (row, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        for k, j in enumerate(feats):
            v = parse_number(row[j])
            if v is None and not row[j]:
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "line {line}, {column}: empty cell"),
                    line=line, column=_column_name(table, j))
            if v is None:
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "line {line}, {column}: {cell!r} is not a number"),
                    line=line, column=_column_name(table, j), cell=row[j][:30])
            if not math.isfinite(v):
                raise CsvImportError(QT_TRANSLATE_NOOP(
                    "Engine", "line {line}, {column}: {cell!r} is not a finite number"),
                    line=line, column=_column_name(table, j), cell=row[j][:30])
            X[i, k] = v
    if X.shape[0] < 2:
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "the file has only one data row; a data set needs at least two"))
    raw = [row[lab] for row in table.rows]
    for line, cell in zip(table.lines, raw, strict=True):
        if not cell:
            raise CsvImportError(QT_TRANSLATE_NOOP("Engine", "line {line}, {column}: empty label"),
                                 line=line, column=_column_name(table, lab))
    numbers = [parse_number(c) for c in raw]
    numeric = all(v is not None for v in numbers)
    if task == "regression" and not numeric:
        bad = next(i for i, v in enumerate(numbers) if v is None)
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "line {line}, {column}: {cell!r} is not a number (regression needs "
                      "numbers)"),
            line=table.lines[bad], column=_column_name(table, lab), cell=raw[bad][:30])
    if numeric and any(not math.isfinite(v) for v in numbers):  # type: ignore[arg-type]
        bad = next(i for i, v in enumerate(numbers) if not math.isfinite(v))  # type: ignore
        raise CsvImportError(QT_TRANSLATE_NOOP(
            "Engine", "line {line}, {column}: {cell!r} is not a finite number"),
            line=table.lines[bad], column=_column_name(table, lab), cell=raw[bad][:30])
    whole = numeric and all(float(v).is_integer() for v in numbers)  # type: ignore[arg-type]
    regression = task == "regression" or (task == "auto" and numeric and (
        not whole or len(set(numbers)) > MAX_CLASSES_FROM_NUMBERS))
    if regression:
        Y = np.array(numbers, dtype=np.float64).reshape(-1, 1)
        kind, classes = "regression", ()
    else:
        if numeric:
            keys = sorted(set(numbers))  # type: ignore[type-var]
            classes = tuple(f"{k:g}" for k in keys)
            index = {k: i for i, k in enumerate(keys)}
            codes = [index[v] for v in numbers]
        else:
            classes = tuple(sorted(set(raw)))
            index = {c: i for i, c in enumerate(classes)}
            codes = [index[c] for c in raw]
        if len(classes) < 2:
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "{column}: every row has the class {name!r}; a classifier needs at "
                          "least two classes"),
                column=_column_name(table, lab), name=classes[0])
        if len(classes) > MAX_CLASSES:
            raise CsvImportError(QT_TRANSLATE_NOOP(
                "Engine", "{column}: {count} different classes; the limit is {limit}"),
                column=_column_name(table, lab), count=len(classes), limit=MAX_CLASSES)
        if len(classes) == 2:
            Y = np.array(codes, dtype=np.float64).reshape(-1, 1)
            kind = "binary"
        else:
            Y = np.eye(len(classes))[codes]
            kind = "multiclass"
    params: dict = {"generator": "csv", "label_column": lab, "separator": table.separator,
                    "has_header": table.header is not None, "test_ratio": float(test_ratio),
                    "seed": seed, "standardize": bool(standardize),
                    # The target's own name, for the regression plot's y axis.
                    "label_name": table.header[lab] if table.header else ""}
    if standardize:
        X, mean, std = _standardize(X)
        params.update(mean=mean.tolist(), std=std.tolist())
    if standardize_y and regression:
        Y, y_mean, y_std = _standardize(Y)
        params.update(standardize_y=True, y_mean=float(y_mean[0]), y_std=float(y_std[0]))
    feature_names = tuple(table.header[j] if table.header else f"x{k + 1}"
                          for k, j in enumerate(feats))
    if test_ratio > 0:
        xtr, ytr, xte, yte = split(X, Y, test_ratio, np.random.default_rng(seed))
    else:
        xtr, ytr = X, Y
        xte, yte = np.empty((0, X.shape[1])), np.empty((0, Y.shape[1]))
    return Dataset(name, xtr, ytr, xte, yte, kind, classes, feature_names, "csv", params)


def _standardize(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X rescaled to mean 0 and standard deviation 1 per column, with the means and
    standard deviations. Each column is first divided by its largest magnitude, so values near
    1e308 (whose sum or square overflows to inf, and the result to NaN) stay finite."""
    scale = np.abs(X).max(axis=0)
    scale[scale == 0] = 1.0
    Xs = X / scale
    mean_s, std_s = Xs.mean(axis=0), Xs.std(axis=0)
    std_s[std_s == 0] = 1.0  # a constant feature stays 0 instead of dividing by zero
    return (Xs - mean_s) / std_s, mean_s * scale, std_s * scale


def import_csv_file(path: str | os.PathLike, **options) -> Dataset:
    """Return the Dataset in CSV file ``path`` (see ``import_csv``); errors start with its name."""
    p = Path(path)
    text = read_text(p)
    try:
        # A file name that is not UTF-8 would make a data-set name no session could save.
        return import_csv(text, name=options.pop("name", printable(p.stem)), **options)
    except CsvImportError as exc:
        raise in_file(CsvImportError, show_name(p.name), exc) from None
