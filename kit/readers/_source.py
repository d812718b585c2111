"""Open a file: tell Excel from text, undo gzip, detect the text encoding and the delimiter.

>>> text, label = decode(b"\\xef\\xbb\\xbfa,b\\n", "x.csv")
>>> label
'UTF-8（BOM付き）'
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from kit.errors import ReadError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls (and other Office 97 files)
GZIP_MAGIC = b"\x1f\x8b"

ENCODING_LABELS = {
    "utf-8-sig": "UTF-8（BOM付き）",
    "utf-8": "UTF-8",
    "cp932": "CP932（Shift_JIS）",
    "utf-16": "UTF-16",
}
_ALIASES = {"shift_jis": "cp932", "sjis": "cp932", "shift-jis": "cp932", "ms932": "cp932",
            "windows-31j": "cp932", "utf8": "utf-8", "utf-8-bom": "utf-8-sig"}  # fmt: skip


def read_bytes(path: Path) -> bytes:
    """The file's bytes, un-gzipped when needed, with a Japanese error when it cannot be read.

    >>> read_bytes(Path("no-such-file.csv"))
    Traceback (most recent call last):
    kit.errors.ReadError: 「no-such-file.csv」: ファイルが見つかりません。...
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(
            "ファイルが見つかりません。",
            file=path,
            action="ファイル名と置き場所（フォルダー）を確認してください。",
        ) from None
    except IsADirectoryError:
        raise ReadError(
            "フォルダーが指定されました。", file=path, action="ファイルを指定してください。"
        ) from None
    except OSError as exc:
        raise ReadError(
            f"ファイルを開けませんでした（{exc.strerror}）。",
            file=path,
            action="Excel などで開いたままなら閉じてから、もう一度試してください。",
        ) from None
    if data.startswith(GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            raise ReadError(
                "gzip で圧縮されたファイルが壊れています。",
                file=path,
                action="ファイルを入手し直してください。",
            ) from None
    return data


def file_kind(data: bytes, path: Path) -> str:
    """``"xlsx"`` or ``"text"`` from the content (not the name); old .xls is refused."""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        raise ReadError(
            "古い Excel 形式（.xls）のファイルは読めません。",
            file=path,
            action="Excel で開き、「名前を付けて保存」で .xlsx 形式か CSV 形式にしてください。",
        )
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        raise ReadError(
            "拡張子は .xlsx ですが、中身が Excel のファイルではありません（壊れているか、名前だけ変えたファイルです）。",
            file=path,
            action="Excel で開けるか確かめ、開けるなら保存し直してください。",
        )
    return "text"


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns the text (lines end with ``\\n``) and a Japanese encoding label.

    Without ``encoding``: a BOM decides, else UTF-8, else CP932 (Shift_JIS).

    >>> decode("七瀬市".encode("cp932"), "a.csv")
    ('七瀬市', 'CP932（Shift_JIS）')
    """
    if encoding is not None:
        name = _ALIASES.get(encoding.lower(), encoding.lower())
        try:
            text = data.decode(name)
        except LookupError:
            raise ReadError(
                f"文字コード「{encoding}」はわかりません。",
                file=path,
                action='"utf-8"・"utf-8-sig"・"cp932" のどれかを指定するか、指定せずに自動判定させてください。',
            ) from None
        except UnicodeDecodeError as exc:
            raise ReadError(
                f"文字コード「{encoding}」として読めない文字があります。",
                file=path,
                row=_line_of(data, exc.start),
                action="encoding の指定を外して自動判定させるか、正しい文字コードを指定してください。",
            ) from None
        return _newlines(text.removeprefix("\ufeff")), ENCODING_LABELS.get(name, encoding)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp932"]
    failures: list[UnicodeDecodeError] = []
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            failures.append(exc)
            continue
        if "\x00" in text[:4096]:
            break
        return _newlines(text), ENCODING_LABELS[name]
    if not failures:  # decoded, but NUL characters: not a text table
        raise ReadError(
            "表のテキストファイル（CSV）ではないようです（バイナリのデータが含まれています）。",
            file=path,
            action="CSV か Excel（.xlsx）のファイルを指定してください。",
        )
    furthest = max(failures, key=lambda exc: exc.start)
    raise ReadError(
        "文字コードを判定できませんでした（UTF-8 としても CP932（Shift_JIS）としても読めない文字があります）。",
        file=path,
        row=_line_of(data, furthest.start),
        action="ファイルが壊れていないか確かめ、Excel で開けるなら「CSV UTF-8」形式で保存し直すか、"
        "encoding= で文字コードを指定してください。",
    )


def _newlines(text: str) -> str:
    """Old Mac line ends (CR alone) as LF; CRLF is left for the parsers (they handle it)."""
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    return text


def sniff_delimiter(text: str, path: Path | str) -> str:
    """The field delimiter: tab for .tsv/.txt files written with tabs, else comma.

    >>> sniff_delimiter("a\\tb\\n1\\t2\\n", "a.txt")
    '\\t'
    """
    head = text[:20000]
    tabs, commas = head.count("\t"), head.count(",")
    if str(path).lower().endswith(".tsv") or tabs > commas:
        return "\t"
    return ","
