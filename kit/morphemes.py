"""Japanese morphological analysis (janome) in a short-lived helper process.

janome is pure Python with its dictionary bundled, so nothing is downloaded, but the loaded
dictionary takes about 100 MB. It is loaded in a helper process that ends after each batch, so
a trainee's kernel stays small and a workshop server holds more trainees; the caller keeps the
results. A batch costs about a second, whatever its size: pass all texts at once.

>>> analyse(["バスが不便"])[0][0]
('バス', '名詞', '一般', 'バス')
"""

from __future__ import annotations

import json
import subprocess
import sys

from kit.errors import KitError

# surface form, part of speech, its first sub-kind, dictionary (base) form ("*" when none)
Morpheme = tuple[str, str, str, str]


def analyse(texts: list[str]) -> list[list[Morpheme]]:
    """The morphemes of each text, in order (one helper process for the whole batch).

    >>> [m[3] for m in analyse(["少なく"])[0]]
    ['少ない']
    """
    if not texts:
        return []
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kit.morphemes"],
            input=json.dumps(texts, ensure_ascii=False),
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        stderr, failed = done.stderr, done.returncode != 0
    except OSError as error:
        stderr, failed = str(error), True
    if failed:
        last = (stderr.strip().splitlines() or ["（理由は表示されませんでした）"])[-1]
        raise KitError(
            f"文章を単語に分ける処理（janome）が止まりました: {last}",
            action="キットの環境が正しく入っているか、make setup をやり直して確かめてください。",
        )
    return [[(s, p, k, b) for s, p, k, b in row] for row in json.loads(done.stdout)]


def _main() -> None:
    from janome.tokenizer import Tokenizer

    sys.stdin.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    tokenizer = Tokenizer()
    out = []
    for text in json.load(sys.stdin):
        row = []
        for token in tokenizer.tokenize(text):
            pos, kind = (token.part_of_speech.split(",") + ["*"])[:2]
            row.append((token.surface, pos, kind, token.base_form))
        out.append(row)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    _main()
