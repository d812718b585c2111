"""Keyed pseudonyms (HMAC-SHA256) for names and ID numbers, with the key kept outside the data.

Replacing a direct identifier with a keyed pseudonym is one of the measures taken when making
仮名加工情報 (pseudonymised data) under the 個人情報保護法; on its own it does not make the
data 仮名加工情報 or 行政機関等匿名加工情報 (other descriptions must also be deleted or coarsened).
A plain hash (e.g. SHA-256 of the ID) is never used: anyone can hash every possible ID and
reverse it. With a secret key, only someone holding the key can link pseudonyms back.

>>> key = make_key()
>>> ids = pd.Series(["A001", "A002", "A001"])
>>> p = pseudonymize(ids, key)
>>> p[0] == p[2], p[0] == p[1], len(p[0])
(True, False, 16)
"""

from __future__ import annotations

import hmac
import os
import secrets
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from kit.errors import InputError, PrivacyError
from kit.privacy._checks import require_series

MIN_KEY_BYTES = 16
DEFAULT_LENGTH = 16
_KEY_HINT = "kit.privacy.make_key() で新しい鍵を作り、データとは別の場所（ファイルや環境変数）に保管してください。"


def make_key(path: str | os.PathLike | None = None) -> str:
    """A new random key (64 hex characters, 256 bits); optionally saved to a new file.

    The file is created only if it does not exist yet and is readable by its owner only.
    Keep it apart from the data: whoever has both can link pseudonyms to people.

    >>> len(make_key())
    64
    """
    key = secrets.token_hex(32)
    if path is not None:
        target = Path(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as exc:
            raise PrivacyError(
                "鍵のファイルはすでにあります。上書きすると、これまでの仮名と対応がとれなくなります。",
                file=target,
                action="別のファイル名を指定するか、既存の鍵を kit.privacy.load_key で読み込んでください。",
            ) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key + "\n")
    return key


def load_key(path: str | os.PathLike | None = None, *, env: str | None = None) -> bytes:
    """Read a key from a file or from an environment variable (exactly one of them).

    >>> import os
    >>> os.environ["KIT_DEMO_KEY"] = "0123456789abcdef0123456789abcdef"
    >>> len(load_key(env="KIT_DEMO_KEY"))
    32
    """
    if (path is None) == (env is None):
        raise InputError(
            "鍵の読み込み元を 1 つだけ指定してください（ファイルか環境変数のどちらか）。",
            action='例: load_key("secret/pseudonym.key") または load_key(env="KIT_PSEUDONYM_KEY")',
        )
    if env is not None:
        value = os.environ.get(env)
        if value is None:
            raise PrivacyError(f"環境変数「{env}」が設定されていません。", action=_KEY_HINT)
        return _key_bytes(value.strip())
    try:
        text = Path(path).read_text(encoding="utf-8")  # type: ignore[arg-type]
    except OSError as exc:
        raise PrivacyError(
            "鍵のファイルを読めませんでした。",
            file=path,
            action="ファイルの場所と権限を確認してください。",
        ) from exc
    return _key_bytes(text.strip())


def pseudonymize(
    values: pd.Series,
    key: bytes | str,
    *,
    length: int = DEFAULT_LENGTH,
    normalize: bool = True,
) -> pd.Series:
    """Replace each value with a keyed pseudonym: the first ``length`` hex digits of HMAC-SHA256.

    The same value and key always give the same pseudonym (so tables can still be joined);
    another key gives unrelated pseudonyms. Missing values stay missing. With
    ``normalize=True`` values are NFKC-normalised and stripped first, so 「Ａ００１」 and
    「A001 」 get the same pseudonym; whole-number floats (1001.0) are written as 1001.

    Collision odds: with ``length`` hex digits (4 × ``length`` bits) and n distinct values,
    the chance that any two share a pseudonym is about n² / 2^(4·length + 1): for the default 16
    digits, 3 in 100 million for a million people. Should it happen, PrivacyError is raised.

    This is one measure toward 仮名加工情報; keep the key apart from the data.

    >>> pseudonymize(pd.Series(["A001", None]), "0123456789abcdef-secret").tolist()
    ['e7a7ff853295f3f5', nan]
    """
    require_series(values, "仮名化する値")
    secret = _key_bytes(key)
    if not 8 <= length <= 64:
        raise InputError(
            f"仮名の長さ length={length} は使えません。",
            action="8〜64 の整数を指定してください（既定は 16）。",
        )
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = [_as_text(u, normalize) for u in uniques]
    _refuse_key_in_data(secret, texts)
    digests = np.array(
        [hmac.digest(secret, t.encode("utf-8"), "sha256").hex()[:length] for t in texts],
        dtype=object,
    )
    if len(set(digests)) < len(set(texts)):
        raise PrivacyError(
            f"長さ {length} の仮名で、別々の値が同じ仮名になりました。",
            action="length を大きくしてください（例: length=32）。",
        )
    out = np.full(len(values), None, dtype=object)
    present = codes >= 0
    out[present] = digests[codes[present]]
    return pd.Series(out, index=values.index, name=values.name, dtype="str")


def _as_text(value: object, normalize: bool) -> str:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        value = int(value)
    text = str(value)
    return unicodedata.normalize("NFKC", text).strip() if normalize else text


def _key_bytes(key: object) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, bytes):
        raise PrivacyError(
            f"鍵は文字列か bytes で渡してください（渡されたのは {type(key).__name__} です）。",
            action=_KEY_HINT,
        )
    if len(key) < MIN_KEY_BYTES:
        raise PrivacyError(
            f"鍵が短すぎます（{len(key)} バイト）。{MIN_KEY_BYTES} バイト以上の推測されにくい鍵が必要です。",
            action=_KEY_HINT,
        )
    if len(set(key)) < 4:
        raise PrivacyError("鍵が単純すぎます（同じ文字の繰り返しなど）。", action=_KEY_HINT)
    return key


def _refuse_key_in_data(secret: bytes, texts: list[str]) -> None:
    key_text = secret.decode("utf-8", errors="ignore").strip()
    if key_text and key_text in texts:
        raise PrivacyError(
            "鍵と同じ値がデータの中にあります。鍵はデータとは別に保管しなければなりません。",
            action=_KEY_HINT,
        )
