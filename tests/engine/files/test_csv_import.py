"""CSV import: what spreadsheets write is read; anything bad names its line, nothing half-done."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine.files.csv_import import CsvImportError, import_csv, import_csv_file, parse_number

DATA = Path(__file__).resolve().parents[2] / "data"

BAD_CSV = {
    "empty.csv": "no data rows",
    "header_only.csv": "header but no data rows",
    "ragged_rows.csv": "line 4: 2 cells",
    "non_numeric_cell.csv": "line 3, column 2 ('x2'): 'abc' is not a number",
    "empty_cell.csv": "line 3, column 2 ('x2'): empty cell",
    "one_class_only.csv": "at least two classes",
    "single_column.csv": "only one column",
    "single_row.csv": "only one data row",
    "binary_garbage.csv": "binary",
    "nan_feature.csv": "line 3, column 1",
    "infinite_target.csv": "line 3, column 3",
    "empty_label.csv": "line 3, column 3 ('label'): empty label",
    "semicolon_ragged.csv": "line 4: 4 cells",
    "too_many_classes.csv": "150 different classes",
    "utf16.csv": "UTF-16",
    "unclosed_quote.csv": "line 2: a quoted cell runs on",
    "bom_ragged.csv": "line 3: 2 cells, but the header has 3",
    "mixed_separators.csv": "line 3: 1 cell, but the header has 3 (separator ';')",
    # Only what a spreadsheet writes is a number; names and cells are escaped (issue 13).
    "cr_only_line_ends.csv": "carriage return only",
    "underscore_in_number.csv": "line 3, column 1 ('x1'): '1_000' is not a number",
    "arabic_indic_digits.csv": "line 3, column 2 ('x2'): '\u0663' is not a number",
    "full_width_digits.csv": "line 3, column 1 ('x1'): '\uff13' is not a number",
    "control_characters_in_cell.csv": "line 3, column 1 ('x\\x1b[31m1'): '\\x1b[2Jzz' is not a "
                                      "number",
}


def test_bad_corpus_covers_every_csv_file():
    assert {p.name for p in (DATA / "bad").glob("*.csv")} == set(BAD_CSV)


@pytest.mark.parametrize("name", sorted(BAD_CSV))
def test_bad_csv_raises_error_naming_file_line_and_reason(name):
    with pytest.raises(CsvImportError) as info:
        import_csv_file(DATA / "bad" / name)
    assert str(info.value).startswith(name + ": ")
    assert BAD_CSV[name] in str(info.value)


def test_semicolons_decimal_commas_and_bom_are_read():
    ds = import_csv_file(DATA / "ok" / "iris_semicolon_comma.csv")
    assert ds.feature_names == ("sepal", "petal")
    np.testing.assert_array_equal(ds.X_train, [[5.1, 1.4], [7.0, 4.7], [6.3, 6.0], [4.9, 1.5]])
    assert ds.class_names == ("setosa", "versicolor", "virginica")
    np.testing.assert_array_equal(ds.Y_train, np.eye(3)[[0, 1, 2, 0]])
    assert ds.task == "multiclass" and ds.name == "iris_semicolon_comma"


def test_header_is_detected_only_when_present():
    assert import_csv("1,2,0\n3,4,1\n").X_train.shape == (2, 2)
    assert import_csv("u,v,w\n1,2,0\n3,4,1\n").feature_names == ("u", "v")


def test_header_can_be_forced_off():
    with pytest.raises(CsvImportError, match="line 1, column 1"):
        import_csv("u,v,w\n1,2,0\n3,4,1\n", has_header=False)


def test_two_string_classes_give_one_zero_one_column_sorted_by_name():
    ds = import_csv("x,label\n1,yes\n2,no\n3,yes\n")
    assert ds.class_names == ("no", "yes") and ds.task == "binary"
    np.testing.assert_array_equal(ds.Y_train, [[1], [0], [1]])


def test_real_number_targets_make_a_regression():
    ds = import_csv("x,price\n1,2.5\n2,3.25\n3,-1\n")
    assert ds.task == "regression"
    np.testing.assert_array_equal(ds.Y_train, [[2.5], [3.25], [-1.0]])


def test_whole_number_targets_are_classes_unless_regression_is_asked():
    assert import_csv("x,y\n1,0\n2,1\n3,2\n").task == "multiclass"
    assert import_csv("x,y\n1,0\n2,1\n3,2\n", task="regression").task == "regression"


def test_label_column_chosen_by_name_or_index():
    text = "kind,a,b\ncat,1,2\ndog,3,4\n"
    by_name = import_csv(text, label="kind")
    by_index = import_csv(text, label=0)
    assert by_name.feature_names == by_index.feature_names == ("a", "b")
    np.testing.assert_array_equal(by_name.X_train, [[1, 2], [3, 4]])


def test_unknown_label_column_is_named_in_the_error():
    with pytest.raises(CsvImportError, match="no column named 'colour'"):
        import_csv("a,b\n1,2\n3,4\n", label="colour")


def test_quoted_decimal_comma_in_comma_separated_file():
    ds = import_csv('a,b,c\n"1,5",2,x\n"2,25",3,y\n')
    np.testing.assert_array_equal(ds.X_train[:, 0], [1.5, 2.25])


def test_standardize_gives_mean_zero_and_unit_deviation():
    ds = import_csv("a,b,c\n1,10,x\n2,10,y\n3,10,x\n", standardize=True)
    np.testing.assert_allclose(ds.X_train[:, 0], [-np.sqrt(1.5), 0, np.sqrt(1.5)])
    np.testing.assert_array_equal(ds.X_train[:, 1], [0, 0, 0])   # constant column stays 0


def test_test_ratio_holds_out_rows_without_losing_any():
    text = "a,c\n" + "".join(f"{i},{'xy'[i % 2]}\n" for i in range(10))
    ds = import_csv(text, test_ratio=0.3, seed=2)
    assert ds.X_train.shape == (7, 1) and ds.X_test.shape == (3, 1)
    assert sorted(np.vstack([ds.X_train, ds.X_test]).ravel()) == list(range(10))


def test_comment_and_blank_lines_are_skipped_and_line_numbers_stay_true():
    with pytest.raises(CsvImportError, match="line 5"):
        import_csv("# made by hand\na,b,c\n\n1,2,x\n3,q,y\n")


@pytest.mark.parametrize("cell,value", [("1.5", 1.5), ("1,5", 1.5), (" -2e3 ", -2000.0),
                                        ("\u22123", -3.0), ("7", 7.0)])
def test_parse_number_reads_spreadsheet_numbers(cell, value):
    assert parse_number(cell) == value


@pytest.mark.parametrize("cell", ["", "abc", "1.000,5", "1,2,3"])
def test_parse_number_refuses_what_is_not_one_number(cell):
    assert parse_number(cell) is None


def test_too_many_values_are_refused(monkeypatch):
    import engine.files.csv_import as ci

    monkeypatch.setattr(ci, "MAX_VALUES", 10)
    with pytest.raises(CsvImportError, match="limit of 10 values"):
        import_csv("a,b,c\n" + "1,2,x\n2,3,y\n" * 3)


def test_a_cell_past_the_csv_field_limit_names_the_line_and_the_limit(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n1,2\n" + "x" * 200_000 + ",3\n")
    with pytest.raises(CsvImportError, match=r"wide.csv: line 3: a cell of more than \d+ "
                                             r"characters"):
        import_csv_file(path)


def test_standardize_keeps_values_near_the_largest_double_finite():
    ds = import_csv("a,c\n1e308,x\n-1.7e308,y\n1.5e308,x\n", standardize=True)
    x = np.array([1e308, -1.7e308, 1.5e308])
    # Written out with the values scaled down first: mean and population std of x / 1e308.
    s = x / 1e308
    expected = (s - s.mean()) / np.sqrt(((s - s.mean()) ** 2).mean())
    np.testing.assert_allclose(ds.X_train[:, 0], expected, rtol=1e-12)
    assert np.isfinite(ds.params["mean"]).all() and np.isfinite(ds.params["std"]).all()


def test_every_import_here_is_also_saved_in_a_session_and_reopened_unchanged():
    # tests/engine/files/conftest.py wraps this module's import_csv with the round trip.
    before = import_csv.count
    import_csv("a,b\n1e308,x\n-1e308,y\n", standardize=True, name="n\u00e4me")
    assert import_csv.count == before + 1


PRICES = "area,price\n" + "".join(f"{a},{p}\n" for a, p in [
    (50, 1510.5), (60, 1820.0), (75, 2290.25), (80, 2400.0), (95, 2880.5), (120, 3600.75)])


def test_a_regression_target_can_be_standardized_and_read_back_in_the_files_units():
    ds = import_csv(PRICES, standardize_y=True)
    y = np.array([1510.5, 1820.0, 2290.25, 2400.0, 2880.5, 3600.75])
    mean, std = y.mean(), y.std()          # the population σ, as for the features
    np.testing.assert_allclose(ds.Y_train[:, 0], (y - mean) / std, rtol=1e-12)
    assert ds.params["standardize_y"] is True
    assert ds.params["y_mean"] == pytest.approx(mean, rel=1e-12)
    assert ds.params["y_std"] == pytest.approx(std, rel=1e-12)
    np.testing.assert_allclose(ds.params["y_std"] * ds.Y_train[:, 0] + ds.params["y_mean"], y,
                               rtol=1e-12)


def test_the_test_part_is_standardized_with_the_same_mean_and_deviation():
    ds = import_csv(PRICES, standardize_y=True, test_ratio=0.34, seed=3)
    back = np.r_[ds.Y_train[:, 0], ds.Y_test[:, 0]] * ds.params["y_std"] + ds.params["y_mean"]
    assert sorted(back.round(9)) == [1510.5, 1820.0, 2290.25, 2400.0, 2880.5, 3600.75]


def test_without_the_switch_the_target_keeps_its_units():
    ds = import_csv(PRICES)
    assert ds.Y_train[:, 0].tolist() == [1510.5, 1820.0, 2290.25, 2400.0, 2880.5, 3600.75]
    assert "y_mean" not in ds.params and not ds.params.get("standardize_y")


def test_class_labels_are_never_standardized():
    ds = import_csv("x,label\n1,0\n2,1\n3,0\n4,1\n", standardize_y=True)
    assert ds.task == "binary" and ds.Y_train[:, 0].tolist() == [0.0, 1.0, 0.0, 1.0]
    assert "y_mean" not in ds.params
