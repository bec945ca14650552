"""Provinces and districts named in text, read against the units valid on the article's date."""
import datetime as dt

import pytest

from graphkit.extract.places import find_districts, find_provinces


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh Điện Biên tổ chức thi tuyển chức danh lãnh đạo sở, ngành. Tỉnh Hà Giang có 100% bí thư",
     ["Điện Biên", "Hà Giang"]),  # seed 000
    ("Cục Hải quan TP.HCM cho hay", ["Thành phố Hồ Chí Minh"]),  # corpus 22405437
    ("Sở Giao dịch Chứng khoán TP HCM đã tổ chức", ["Thành phố Hồ Chí Minh"]),
    ("đường liên kết vùng Hòa Bình - Hà Nội", ["Hòa Bình", "Hà Nội"]),  # seed 004
    ("tỉnh Hoà Bình và tỉnh Thanh Hoá", ["Hòa Bình", "Thanh Hóa"]),  # old tone placement
    ("làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", []),  # the person, not the city
    ("65 năm mở đường Hồ Chí Minh", []),
    ("cửa khẩu quốc tế Mộc Bài, tỉnh Tây Ninh", ["Tây Ninh"]),
])
def test_provinces(text, expected):
    assert [m.place.name for m in find_provinces(text)] == expected


def test_hue_is_a_province_only_from_2025():
    assert [m.place.name for m in find_provinces("thành phố Huế", on=dt.date(2017, 5, 1))] == []
    assert [m.place.name for m in find_provinces("thành phố Huế", on=dt.date(2025, 7, 2))] == ["Huế"]


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Nguyễn Đức Dũng, Bí thư Huyện ủy Lương Sơn cho biết", [("Lương Sơn", "Hòa Bình")]),  # seed 004
    ("phường Phú Mỹ, quận 7, TP.HCM", []),  # numbered urban districts are not in the gazetteer by number
    ("ông Mai Sơn", []),  # a bare district name is not a place: here it is a person
    ("Thị ủy Buôn Hồ (Đắk Lắk)", [("Buôn Hồ", "Đắk Lắk")]),
])
def test_districts(text, expected):
    assert [(m.place.name, m.place.province) for m in find_districts(text)] == expected
