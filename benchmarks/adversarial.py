"""Time of `clean_text` on hostile inputs, at full size and at an eighth.

    python benchmarks/adversarial.py [--scale 1.0]

Each input is built here (no data files): a multi-megabyte single line, a
million short lines, 100,000 repeated ad labels, and lines built to make
rule patterns backtrack (long runs of spaces, punctuation, nested brackets,
digits, words that start residue phrases). The table gives CPU seconds at
full size and at 1/8, and their ratio: 8 is linear, 64 would be quadratic.
``--scale`` shrinks every input (0.1 for a quick look).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import cleannews

#: name -> (builder taking a count, full-size count)
INPUTS: dict[str, tuple[Callable[[int], str], int]] = {
    "one line of words": (lambda n: "kata " * n, 1_000_000),
    "one line without spaces": (lambda n: "a" * n, 5_000_000),
    "one line of spaces between two letters": (lambda n: "a" + " " * n + "b", 2_000_000),
    "one line of punctuation": (lambda n: ".,:;-/|!?" * n, 220_000),
    "one line of nested brackets": (lambda n: "(" * n + ")" * n, 1_000_000),
    "one line of digits": (lambda n: "1" * n, 2_000_000),
    "one line of 'by '": (lambda n: "by " * n, 1_000_000),
    "one line of 'baca juga '": (lambda n: "baca juga " * n, 200_000),
    "one line of 'anda ' ending 'di kolom komentar'": (lambda n: "anda " * n + "di kolom komentar", 400_000),
    "short lines": (lambda n: "baris pendek\n" * n, 1_000_000),
    "ad labels": (lambda n: "Advertisement\n" * n, 100_000),
    "ad labels, each with copy": (lambda n: "Advertisement\nBELI SEKARANG\n" * n, 100_000),
    "comment labels": (lambda n: "Komentar\n" * n, 100_000),
    "escape-artifact lines": (lambda n: "\\n\n" * n, 100_000),
    "mojibake lines": (lambda n: "Kata â€œbaikâ€\x9d di sini.\n" * n, 100_000),
}


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    cleannews.clean_text(text)
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every input (default 1.0)")
    args = parser.parse_args(argv)
    cleannews.clean_text("Advertisement\nBaca juga: x\nKomentar")  # compile the rules outside the timing
    print(
        f"cleannews {cleannews.__version__}, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}\n"
    )
    print("| input | count | size | CPU s | CPU s at 1/8 | ratio (8 = linear) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (build, count) in INPUTS.items():
        full = max(int(count * args.scale), 8)
        text = build(full)
        seconds, eighth = cpu_seconds(text), cpu_seconds(build(full // 8))
        ratio = seconds / max(eighth, 1e-3)
        size = f"{len(text) / 1e6:.1f} MB"
        print(f"| {name} | {full:,} | {size} | {seconds:.2f} | {eighth:.3f} | {ratio:.1f} |", flush=True)


if __name__ == "__main__":
    main()
