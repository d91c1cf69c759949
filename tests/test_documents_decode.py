"""Decoding never crashes and never changes a UTF-8 text, whatever its line endings."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.documents import load_paths
from tui.documents.decode import DecodeError, decode_bytes


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_called_binary(data):
    try:
        text, encoding = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str) and encoding


line_end = st.sampled_from(["\n", "\r\n", "\r"])
texts = st.lists(
    st.tuples(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), line_end),
    max_size=10,
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=150, deadline=None)
@given(texts)
def test_utf8_text_round_trips_exactly(text):
    assert decode_bytes(text.encode()) == (text, "utf-8")


def test_html_declared_legacy_charset_is_honoured(tmp_path):
    body = "Le président a annoncé « une réforme » très attendue par les sociétés étrangères. " * 3
    page = (
        '<html><head><meta charset="windows-1252"><title>Réforme annoncée</title></head>'
        f"<body><article><h1>Réforme annoncée</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "fr.html").write_bytes(page.encode("cp1252"))
    errors = []
    docs = list(load_paths([tmp_path], on_error=errors.append))
    assert errors == []
    assert docs[0].encoding == "cp1252"
    assert docs[0].raw.startswith("Réforme annoncée") and "« une réforme »" in docs[0].raw


def test_utf16_html_with_bom(tmp_path):
    page = (
        "<html><head><title>T</title></head><body><article><p>"
        + "China has unveiled a state-backed blockchain alliance with many members. " * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "u16.htm").write_bytes(page.encode("utf-16"))
    errors = []
    docs = list(load_paths([tmp_path], on_error=errors.append))
    assert errors == [] and docs[0].encoding == "utf-16"
    assert "state-backed blockchain alliance" in docs[0].raw


def test_utf16_without_bom_is_recognised():
    text = "China forms a state-backed blockchain alliance.\r\n"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_binary_is_not_mistaken_for_utf16():
    try:
        decode_bytes(bytes(range(256)) * 4)
    except DecodeError:
        return
    raise AssertionError("binary bytes were decoded as text")


def test_one_stray_nul_in_text_is_not_binary():
    text = (
        "China has unveiled a state-backed blockchain alliance.\x00 More text follows here.\n"
        + "More.\n" * 300
    )
    assert decode_bytes(text.encode()) == (text, "utf-8")
    try:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    except DecodeError:
        return
    raise AssertionError("a PNG header was decoded as text")
