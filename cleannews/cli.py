"""The command line: ``cleannews clean``, ``cleannews batch``, ``cleannews explain``,
``cleannews learn``.

Exit codes: 0 when work was done (a batch with some bad records included),
1 when a batch had records but none could be cleaned, 2 for usage errors
and unreadable inputs, 128 + the signal's number when SIGINT (130) or
SIGTERM (143) stopped a batch.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import IO, Any, cast

import cleannews
from cleannews import batch, explain, resume
from cleannews.model import Article
from cleannews.readers.decode import DecodeError, decode_text
from cleannews.sites import CAPACITY, ProfileError, SiteProfile, SiteProfiles, load_profile, site_of_url

FORMATS = ("text", "markdown", "json")
HTML_SUFFIXES = (".html", ".htm")
#: How an HTML page opens, after any BOM and whitespace.
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|!--|\?xml|(?:html|head|body|meta|title|div|article|section|main|p)\b)", re.I
)


class UsageError(Exception):
    """A problem with the command line or its inputs; exit code 2."""


def render(article: Article, fmt: str) -> str:
    """The article as plain text (title line, then blocks), Markdown or JSON."""
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return article.render() + "\n"


def read_input(path: str) -> bytes:
    """The bytes at ``path`` (``-`` for standard input), decompressed when
    they are gzip (told by their first bytes, as ``batch`` tells)."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    if not data.startswith(batch.GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as error:
        raise UsageError(f"cannot read {path}: damaged gzip data ({error})") from None


def sniffed_text(data: bytes) -> str:
    """Input bytes as text to look at (is it HTML?): UTF-8, undecodable bytes replaced."""
    return data.decode("utf-8", errors="replace")


def article_text(args: argparse.Namespace, data: bytes) -> str:
    """The text of a text input, decoded as ``batch`` decodes it: UTF-8, else
    the encoding charset_normalizer finds with confidence (said on standard
    error), else a usage error: never text with replacement characters."""
    try:
        decoded = decode_text(data)
    except DecodeError as problem:
        raise UsageError(f"{args.path}: {problem}") from None
    if decoded.note:
        print(f"cleannews {args.command}: {args.path}: {decoded.note}", file=sys.stderr)
    return decoded.text


def looks_like_html(raw: str) -> bool:
    """Whether the input is an HTML page rather than article text: it opens with markup.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("  <p>Isi</p>")
    (True, True)
    >>> looks_like_html("<3 untuk Jakarta"), looks_like_html("Judul <b>")
    (False, False)
    """
    return _HTML_START.match(raw[:4096].lstrip("\ufeff \t\r\n")) is not None


def input_kind(args: argparse.Namespace, data: bytes) -> str:
    """``html`` or ``text``: forced by ``--html`` / ``--text``, else told by
    the file name, else by the content."""
    if args.force:
        return cast(str, args.force)
    named_html = args.path.lower().removesuffix(".gz").endswith(HTML_SUFFIXES)
    if named_html or looks_like_html(sniffed_text(data[:4096])):
        return "html"
    return "text"


def clean_input(args: argparse.Namespace, data: bytes) -> Article:
    """The cleaned article, through the HTML or the text reader. HTML goes
    in as bytes, so the page's declared charset is honoured."""
    profile, rules = chosen_profile(args), chosen_rules(args)
    if input_kind(args, data) == "html":
        if args.title:
            raise UsageError("--title applies to text input; HTML pages carry their own title")
        return cleannews.clean_html(data, url=args.url, profile=profile, rules=rules)
    return cleannews.clean_text(article_text(args, data), title=args.title, profile=profile, rules=rules)


def chosen_rules(args: argparse.Namespace) -> cleannews.Rules | None:
    """The shipped rules plus the ``--rules`` files (``None``: none given);
    a usage error naming the file when one is not in the format."""
    if not args.rules:
        return None
    try:
        return cleannews.load_rules(*args.rules)
    except cleannews.RulesError as problem:
        raise UsageError(str(problem)) from None


def read_profile(path: str) -> SiteProfile | SiteProfiles:
    """The profile file at ``path``; a usage error when it is none."""
    try:
        return load_profile(path)
    except ProfileError as problem:
        raise UsageError(str(problem)) from None


def chosen_profile(args: argparse.Namespace) -> SiteProfile | None:
    """The profile ``--profile`` names: the file's one profile, or the one
    of ``--site`` (else of the site of ``--url``) in a file of many."""
    if not args.profile:
        return None
    loaded = read_profile(args.profile)
    if isinstance(loaded, SiteProfile):
        return loaded
    site = args.site or site_of_url(args.url)
    if not site and len(loaded) == 1:
        return next(iter(loaded.values()))
    if site not in loaded:
        known = ", ".join(sorted(loaded)[:5]) + (" ..." if len(loaded) > 5 else "")
        which = f"no profile of site {site!r}" if site else "profiles of several sites"
        raise UsageError(f"{args.profile} has {which} (give --site or --url; it has {known})")
    return loaded[site]


def run_clean(args: argparse.Namespace) -> int:
    data = read_input(args.path)
    sys.stdout.write(render(clean_input(args, data), args.format))
    return 0


def run_explain(args: argparse.Namespace) -> int:
    data = read_input(args.path)
    style = explain.Style(color=wants_color(args.color, sys.stdout), why=args.why)
    if input_kind(args, data) == "html":
        lines = explain.explain_article(clean_input(args, data), style)
    else:
        lines = explain.explain_text(
            article_text(args, data),
            title=args.title,
            style=style,
            profile=chosen_profile(args),
            rules=chosen_rules(args),
        )
    write_lines(lines, sys.stdout)
    return 0


def wants_color(choice: str, stream: IO[str]) -> bool:
    """Colour when asked, or on a terminal unless ``NO_COLOR`` is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def write_lines(lines: Iterable[str], stream: IO[str]) -> None:
    for line in lines:
        stream.write(line + "\n")


def batch_fields(args: argparse.Namespace, profile: str | None = None) -> batch.Fields:
    return batch.Fields(
        args.text_field,
        args.html_field,
        args.id_field,
        args.title_field,
        args.url_field,
        args.force,
        site=args.site_field,
        profile=profile,
        rules=tuple(args.rules),
        timeout=args.timeout,
        shape=args.shape,
        removals=args.removals,
        original=args.keep_original,
    )


def run_batch(args: argparse.Namespace) -> int:
    check_batch_paths(args)
    if args.profile:
        read_profile(args.profile)  # a bad file is a usage error here, not one error per record
    chosen_rules(args)  # so are bad rules files
    fields = batch_fields(args, args.profile)
    if args.learn:
        fields = batch_fields(args, str(learn_for_batch(args)))
    jobs = batch.input_jobs(args.inputs)
    with batch.Stopper() as stopper:
        begin = start_batch(args, jobs)
        outcomes = batch.clean_all(
            begin.jobs,
            fields,
            workers=args.workers or os.cpu_count() or 1,
            chunk_size=args.chunk_size,
            stopper=stopper,
        )
        with (
            closing(outcomes),
            open_output(args.output, begin.output_at) as out,
            open_errors(args, begin.errors_at) as errors,
        ):
            journal = batch_journal(args, begin, out, errors)
            summary = batch.write_outcomes(
                outcomes,
                out,
                errors,
                progress=show_progress(args),
                summary=begin.summary,
                journal=journal,
                stopper=stopper,
            )
    if not args.quiet:
        report_batch(args, summary, resumable=journal is not None)
    if summary.stopped_by:  # by a signal, or a worker lost
        return 128 + stopper.signum if stopper.signum else 3
    return 0 if summary.documents or not summary.errors else 1


def learn_for_batch(args: argparse.Namespace) -> Path:
    """The first pass of ``batch --learn``: the profiles of every site of
    the inputs, saved beside the output (in a temporary folder when the
    output is standard output); the path of the file."""
    if args.profile:
        raise UsageError("give --profile or --learn, not both")
    if "-" in args.inputs:
        raise UsageError("--learn reads the inputs twice: standard input cannot be read again")
    from cleannews.learn import learn_jobs

    learned = learn_jobs(
        batch.input_jobs(args.inputs), batch_fields(args), by_site=True, progress=show_progress(args)
    )
    if args.output == "-":
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="cleannews-")) / "profile.json"
    else:
        path = batch.profile_path_for(Path(args.output))
    try:
        learned.learner.profiles().save(path)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    if not args.quiet:
        print(learned.report(str(path)), file=sys.stderr)
    return path


def run_learn(args: argparse.Namespace) -> int:
    for name in args.inputs:
        if name != "-" and not Path(name).exists():
            raise UsageError(f"no such file or folder: {name}")
    by_site = bool(args.site_field or args.url_field)
    if args.site and by_site:
        raise UsageError("--site names the one site of all inputs: not with --site-field or --url-field")
    from cleannews.learn import learn_jobs

    fields = batch.Fields(
        args.text_field, args.html_field, title=args.title_field, url=args.url_field or "url",
        force=args.force, site=args.site_field,
    )  # fmt: skip
    learned = learn_jobs(
        batch.input_jobs(args.inputs),
        fields,
        by_site=by_site,
        site=args.site or "",
        capacity=args.capacity,
        progress=show_progress(args),
    )
    profiles = learned.learner.profiles()
    if by_site:
        result: SiteProfile | SiteProfiles = SiteProfiles(p.pruned(args.prune) for p in profiles.values())
    else:
        result = profiles.get(args.site or "", SiteProfile(site=args.site or "")).pruned(args.prune)
    try:
        result.save(args.output)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    if not args.quiet:
        print(learned.report(args.output), file=sys.stderr)
    return 0 if learned.articles or not learned.skipped else 1


def report_batch(args: argparse.Namespace, summary: batch.Summary, *, resumable: bool) -> None:
    """The summary on standard error, and where to look or what to run next."""
    print(summary.report(), file=sys.stderr)
    if summary.errors or summary.repairs:
        counts = (("bad records", summary.errors), ("repairs", summary.repairs.total()))
        what = " and ".join(name for name, count in counts if count)
        print(f"  {what}: {errors_name(args)}", file=sys.stderr)
    if summary.stopped_by and resumable:
        print("  to go on: the same command with --resume", file=sys.stderr)


#: Options that do not change what a batch writes: a resumed run may change them.
RUN_ONLY_OPTIONS = frozenset(
    {"run", "command", "workers", "chunk_size", "progress", "quiet", "resume", "checkpoint_every"}
)


def batch_settings(args: argparse.Namespace) -> dict[str, Any]:
    """What a checkpoint records of the command: every option that changes
    the output (new options count unless listed in `RUN_ONLY_OPTIONS`), the
    errors file, the version of cleannews, and a digest of each rules and
    profile file it reads (a file edited between runs changes the output
    as much as another file would)."""
    settings = {key: value for key, value in vars(args).items() if key not in RUN_ONLY_OPTIONS}
    settings["errors"] = errors_name(args)
    settings["cleannews"] = cleannews.__version__
    read = [*args.rules, *([args.profile] if args.profile else [])]
    settings["file_contents"] = {str(path): content_digest(path) for path in read}
    normal: dict[str, Any] = json.loads(json.dumps(settings, default=str))
    return normal


def content_digest(path: str | Path) -> str:
    """A digest of the bytes of the file at ``path`` ("unreadable" when it cannot be read)."""
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


def checkpointed(args: argparse.Namespace) -> bool:
    """Whether the batch keeps a checkpoint: when both its output and its errors go to files."""
    return args.output != "-" and errors_name(args) != "-"


def start_batch(args: argparse.Namespace, jobs: Iterator[batch.Job]) -> resume.Start:
    """Where the batch starts: afresh, or (``--resume``) after what its checkpoint says is done."""
    if args.resume and not checkpointed(args):
        raise UsageError("--resume needs the output and the errors in files, not standard output or error")
    path = resume.checkpoint_path_for(Path(args.output))
    try:
        begin = resume.start(jobs, path, batch_settings(args), resume=args.resume and checkpointed(args))
    except resume.ResumeError as problem:
        raise UsageError(f"cannot resume: {problem}") from None
    if checkpointed(args) and not begin.resumed:
        # Before the files are emptied: a checkpoint left by an earlier run must not outlive its output.
        begin.checkpoint.save(path)
    return begin


def batch_journal(
    args: argparse.Namespace, begin: resume.Start, out: resume.LineWriter, errors: resume.LineWriter
) -> resume.Journal | None:
    """The journal that saves the batch's checkpoints, when it keeps them."""
    if not checkpointed(args):
        return None
    path = resume.checkpoint_path_for(Path(args.output))
    return resume.Journal(path, begin.checkpoint, begin.digest, out, errors, every=args.checkpoint_every)


def check_batch_paths(args: argparse.Namespace) -> None:
    """Usage errors found before any work: a missing input, an output that
    would overwrite an input."""
    for name in args.inputs:
        if name != "-" and not Path(name).exists():
            raise UsageError(f"no such file or folder: {name}")
    if args.output != "-" and any(same_file(args.output, name) for name in args.inputs):
        raise UsageError(f"the output {args.output} is also an input")


def same_file(a: str, b: str) -> bool:
    return b != "-" and Path(a).resolve() == Path(b).resolve()


def open_output(name: str, at: int | None = None) -> resume.LineWriter:
    """The output: standard output for ``-``, gzip for ``.gz``; cut back to
    ``at`` bytes when a run resumes."""
    if name == "-":
        return resume.LineWriter(os.fdopen(os.dup(1), "wb"), compress=False)
    return open_lines_file(Path(name), at)


def open_errors(args: argparse.Namespace, at: int | None = None) -> resume.LineWriter:
    """The errors file: ``--errors``, else beside the output (standard error
    when the output is standard output)."""
    name = errors_name(args)
    if name == "-":
        return resume.LineWriter(os.fdopen(os.dup(2), "wb"), compress=False)
    return open_lines_file(Path(name), at)


def errors_name(args: argparse.Namespace) -> str:
    if args.errors:
        return str(args.errors)
    return "-" if args.output == "-" else str(batch.errors_path_for(Path(args.output)))


def open_lines_file(path: Path, at: int | None) -> resume.LineWriter:
    """``path`` opened for writing lines, gzip-compressed when it ends in ``.gz``."""
    try:
        return resume.LineWriter.open(path, at=at)
    except resume.ResumeError as problem:
        raise UsageError(f"cannot resume: {problem}") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def show_progress(args: argparse.Namespace) -> bool:
    """A progress bar when asked, or when standard error is a terminal and
    the output does not go to it."""
    if args.progress is not None:
        return cast(bool, args.progress)
    return sys.stderr.isatty() and not (args.output == "-" and sys.stdout.isatty())


# The parser ----------------------------------------------------------------


def whole_number(text: str) -> int:
    """``text`` as an integer, or the error argparse shows.

    >>> whole_number("abc")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: not a whole number: 'abc'
    """
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def positive(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def not_negative(text: str) -> int:
    """An argparse type: an integer of at least 0."""
    value = whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def not_negative_float(text: str) -> float:
    """An argparse type: a number of at least 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def add_kind_options(parser: argparse.ArgumentParser, *, records: bool = False) -> None:
    """``--text`` / ``--html``: force how the input is read (of ``records``: which field)."""
    kinds = parser.add_mutually_exclusive_group()
    for kind, field in (("text", "text"), ("html", "HTML")):
        kinds.add_argument(
            f"--{kind}",
            dest="force",
            action="store_const",
            const=kind,
            help=f"read only the {field} field of each record" if records else f"read the input as {field}",
        )


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a rules file of your own, in the shipped TOML format (repeat for more)",
    )


def add_single_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="a text or HTML file, or - for standard input")
    add_kind_options(parser)
    parser.add_argument("--title", help="the headline, when known (text input)")
    parser.add_argument("--url", help="the page's address (HTML input), recorded in metadata")
    parser.add_argument(
        "--profile", metavar="PATH", help="a site profile file (cleannews learn): drop what the site repeats"
    )
    parser.add_argument(
        "--site", metavar="NAME", help="which site of a profile file of many (default: --url's)"
    )
    add_rules_option(parser)


def add_clean(commands: Any) -> None:
    clean = commands.add_parser("clean", help="clean one article and print it")
    add_single_input(clean)
    clean.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    clean.set_defaults(run=run_clean)


def add_explain(commands: Any) -> None:
    explain_cmd = commands.add_parser("explain", help="show the input with every removed line and its reason")
    add_single_input(explain_cmd)
    explain_cmd.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour (default: on a terminal)"
    )
    explain_cmd.add_argument(
        "--why", action="store_true", help="after each removal, the rule or evidence that decided it"
    )
    explain_cmd.set_defaults(run=run_explain)


def add_batch(commands: Any) -> None:
    run = commands.add_parser("batch", help="clean many articles into a JSONL file", description=BATCH_HELP)
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL files (.gz too), folders, or -")
    run.add_argument("-o", "--output", required=True, help="the JSONL output (.gz to compress, - for stdout)")
    run.add_argument(
        "--errors",
        metavar="PATH",
        help="where bad records go (default: OUTPUT.errors.jsonl beside the output)",
    )
    for part in ("text", "html", "id", "title", "url"):
        run.add_argument(
            f"--{part}-field", default=part, metavar="NAME", help=f"record field (default: {part})"
        )
    add_kind_options(run, records=True)
    add_record_options(run)
    add_rules_option(run)
    run.add_argument(
        "--profile",
        metavar="PATH",
        help="site profile file (cleannews learn): each record is cleaned with its site's profile",
    )
    run.add_argument(
        "--learn",
        action="store_true",
        help="learn the profiles of the inputs' sites first (a first pass), saved as OUTPUT.profile.json",
    )
    run.add_argument(
        "--site-field", metavar="NAME", help="record field naming its site (default: the host of its URL)"
    )
    run.add_argument(
        "--workers", type=not_negative, default=1, metavar="N", help="processes (default: 1; 0 for every CPU)"
    )
    run.add_argument(
        "--chunk-size", type=positive, default=16, metavar="N", help="records per task (default: 16)"
    )
    run.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, help="progress bar (default: on a terminal)"
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no summary at the end")
    run.add_argument(
        "--resume",
        action="store_true",
        help="go on from the checkpoint of a run that was stopped, skipping what it completed",
    )
    run.add_argument(
        "--checkpoint-every",
        type=not_negative_float,
        default=resume.CHECKPOINT_EVERY,
        metavar="SECONDS",
        help=f"seconds between checkpoints (default: {resume.CHECKPOINT_EVERY:g}; 0 after every record)",
    )
    run.set_defaults(run=run_batch)


def add_record_options(parser: argparse.ArgumentParser) -> None:
    """What each output record holds, and each document's time budget."""
    parser.add_argument(
        "--shape",
        choices=("record", "article"),
        default="record",
        help="record: the input's fields plus text, title, headings, metadata, removed (the default); "
        "article: the id plus the article's dict, which Article.from_dict reads back",
    )
    parser.add_argument(
        "--removals", action="store_true", help="add each removal with its reason and input line (record)"
    )
    parser.add_argument(
        "--keep-original",
        metavar="NAME",
        help="keep the text or HTML that was cleaned under NAME (record; default: not kept)",
    )
    parser.add_argument(
        "--timeout",
        type=not_negative_float,
        metavar="SECONDS",
        help="time budget per document: one over it becomes an error record with its id (default: none)",
    )


BATCH_HELP = (
    "Clean every record of JSONL inputs, or every .txt/.html file of folders, into one JSON line each "
    "(the input's fields, the clean text and what was removed), in input order. Bad records go to an "
    "errors file."
)


def add_learn(commands: Any) -> None:
    learn = commands.add_parser(
        "learn", help="learn site profiles from many articles", description=LEARN_HELP
    )
    learn.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL files (.gz too), folders, or -")
    learn.add_argument("-o", "--output", required=True, help="the profile file to write (JSON)")
    sites = learn.add_mutually_exclusive_group()
    sites.add_argument("--site-field", metavar="NAME", help="one profile per value of this record field")
    sites.add_argument(
        "--url-field",
        metavar="NAME",
        help="one profile per host of the URL in this record field (without www.)",
    )
    learn.add_argument("--site", metavar="NAME", help="the name of the one site of all inputs")
    for part in ("text", "html", "title"):
        learn.add_argument(
            f"--{part}-field", default=part, metavar="NAME", help=f"record field (default: {part})"
        )
    add_kind_options(learn)
    learn.add_argument(
        "--prune",
        type=positive,
        default=1,
        metavar="N",
        help="leave out lines seen in fewer than N articles (default: 1, keep all, for profiles to merge)",
    )
    learn.add_argument(
        "--capacity",
        type=positive,
        default=CAPACITY,
        metavar="N",
        help=f"entries per site kept while learning (default: {CAPACITY:,}); the rarest go first",
    )
    learn.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, help="progress bar (default: on a terminal)"
    )
    learn.add_argument("-q", "--quiet", action="store_true", help="no summary at the end")
    learn.set_defaults(run=run_learn)


LEARN_HELP = (
    "Learn what one site (or each site) repeats across its articles: the lines and glued spans, with the "
    "number of articles holding each. Clean with it: cleannews batch --profile, clean --profile."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleannews", description=(cleannews.__doc__ or "").splitlines()[0])
    parser.add_argument("--version", action="version", version=f"cleannews {cleannews.__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    add_clean(commands)
    add_batch(commands)
    add_explain(commands)
    add_learn(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return cast(int, args.run(args))
    except UsageError as problem:
        print(f"cleannews {args.command}: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cleannews {args.command}: interrupted", file=sys.stderr)
        return 130
    except batch.Interrupted as stop:  # before any record was written: nothing changed
        print(f"cleannews {args.command}: interrupted by {stop}", file=sys.stderr)
        return stop.exit_code
    except BrokenPipeError:
        # A reader like `head` closed the pipe: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
