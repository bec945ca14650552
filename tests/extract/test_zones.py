"""The main story of a saved page: by-lines, photo credits and the furniture after the story are left out."""
import pytest

from graphkit.extract.zones import is_credit, is_story_end, story_spans


@pytest.mark.parametrize("line, credit", [
    ("Tin, ảnh: Quốc Trường", True),
    ("Hương Dịu", True),
    ("Xuân Hướng – Cảnh Toàn", True),
    ("(Ảnh: Trọng Đức/TTXVN)", True),
    ("Theo Báo Quảng Ninh", True),  # a source line: capitalised words only
    # corpus headings whose words open with a lower-case letter with a diacritic (đ, ở, ấ): not by-lines
    ("Hành động đẹp", False),
    ("Nơi ấy Trường Sa", False),
    ("Chậm Hồi âm", False),
    ("Chiều 21/9, tại Hà Nội, Bộ Chính trị đã họp.", False),
])
def test_credit_lines(line, credit):
    assert is_credit(line) is credit


@pytest.mark.parametrize("line, end", [
    ("Tin liên quan", True), ("Các tin khác:", True), ("Xem thêm: Bộ Chính trị họp", True), ("Từ khóa:", True),
    ("Tin tức liên quan", True), ("Ý kiến bạn đọc", True),
    ("Tin mới về cuộc họp của Bộ Chính trị sẽ được cập nhật.", False), ("Bình Định", False),
])
def test_story_end_lines(line, end):
    assert is_story_end(line) is end


def test_story_stops_at_the_furniture_and_leaves_out_the_by_line():
    text = ("Bí thư Tỉnh ủy làm việc với huyện Lương Sơn\n"
            "Sáng 21/9, đồng chí Bùi Văn Tỉnh, Bí thư Tỉnh ủy, làm việc với huyện Lương Sơn.\n"
            "Tin, ảnh: Quốc Trường\n"
            "Tin liên quan\n"
            "Chủ tịch UBND tỉnh Nguyễn Văn Quang thăm huyện Lạc Sơn\n")
    kept = [text[a:b] for a, b in story_spans(text)]
    assert kept == ["Bí thư Tỉnh ủy làm việc với huyện Lương Sơn",
                    "Sáng 21/9, đồng chí Bùi Văn Tỉnh, Bí thư Tỉnh ủy, làm việc với huyện Lương Sơn."]
