"""Time of `clean_text` on hostile inputs, at full size and at an eighth.

    python benchmarks/adversarial.py [--scale 1.0]

Each input is built here (no data files): a multi-megabyte single line, a
million short lines, 100,000 repeated ad labels, and lines built to make
rule patterns backtrack (long runs of spaces, punctuation, nested brackets,
digits, words that start residue phrases). The table gives CPU seconds at
full size and at 1/8, and their ratio: 8 is linear, 64 would be quadratic.
``--scale`` shrinks every input (0.1 for a quick look).

    python benchmarks/adversarial.py --growing [--scale 1.0] [--steps 4]

``--growing`` times the three huge inputs of issue 15 at doubling sizes up
to full size (a million short lines, 2 MB of random bytes read as latin-1,
a 20 MB HTML page of many paragraphs, links and boxes), and prints the
ratio of each time to the one before it: 2 is linear, 4 quadratic.
``--only short|binary|HTML`` times one of the three.
"""

from __future__ import annotations

import argparse
import random
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


def cpu_seconds(text: str, clean: Callable[[str], object] = cleannews.clean_text) -> float:
    start = time.process_time()
    clean(text)
    return time.process_time() - start


def latin1_bytes(size: int) -> str:
    """``size`` random bytes (seeded) read as latin-1: binary taken for text."""
    return random.Random(15).randbytes(size).decode("latin-1")


#: One repeated stretch of the HTML page: a paragraph, a box of links, a caption.
_HTML_UNIT = (
    '<div class="story"><p>Warga kota {n} menunggu keputusan pemerintah tentang harga beras '
    "yang naik sejak pekan lalu, kata pejabat dinas.</p>"
    '<ul class="related"><li><a href="/a/{n}">Berita lain {n}</a></li>'
    '<li><a href="/b/{n}">Baca juga</a></li></ul>'
    '<figure><img src="/i/{n}.jpg"><figcaption>Foto: Andi/{n}</figcaption></figure></div>\n'
)


def html_page(size: int) -> str:
    """An HTML page of about ``size`` characters."""
    head = "<html><head><title>Judul Berita</title></head><body><article><h1>Judul Berita</h1>\n"
    units, total, n = [], len(head), 0
    while total < size:
        unit = _HTML_UNIT.format(n=n)
        units.append(unit)
        total, n = total + len(unit), n + 1
    return head + "".join(units) + "</article></body></html>"


#: name -> (builder taking a size, full size, the call timed)
GROWING: dict[str, tuple[Callable[[int], str], int, Callable[[str], object]]] = {
    "short lines (count)": (lambda n: "baris pendek\n" * n, 1_000_000, cleannews.clean_text),
    "binary read as latin-1 (bytes)": (latin1_bytes, 2_000_000, cleannews.clean_text),
    "HTML page (characters)": (html_page, 20_000_000, cleannews.clean_html),
}


def growing(scale: float, steps: int, only: str | None = None) -> None:
    print("| input | size | MB | CPU s | ratio to the half size (2 = linear) |")
    print("|---|---:|---:|---:|---:|")
    for name, (build, full, clean) in GROWING.items():
        if only is not None and not name.startswith(only):
            continue
        before = None
        for step in range(steps - 1, -1, -1):
            size = max(int(full * scale) >> step, 8)
            text = build(size)
            seconds = cpu_seconds(text, clean)
            ratio = f"{seconds / max(before, 1e-3):.2f}" if before is not None else ""
            print(f"| {name} | {size:,} | {len(text) / 1e6:.1f} | {seconds:.2f} | {ratio} |", flush=True)
            before = seconds


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every input (default 1.0)")
    parser.add_argument(
        "--growing", action="store_true", help="the huge inputs of issue 15 at doubling sizes"
    )
    parser.add_argument("--steps", type=int, default=4, help="sizes per input with --growing")
    parser.add_argument(
        "--only",
        choices=("short", "binary", "HTML"),
        help="with --growing, time one input kind (the full sizes take minutes each)",
    )
    args = parser.parse_args(argv)
    cleannews.clean_text("Advertisement\nBaca juga: x\nKomentar")  # compile the rules outside the timing
    cleannews.clean_html(html_page(1000))
    print(
        f"cleannews {cleannews.__version__}, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}\n"
    )
    if args.growing:
        growing(args.scale, args.steps, args.only)
        return
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
