"""Every repair code, one name each: what `Block.repairs` and
``metadata["repairs"]`` hold. Each is documented in ``docs/reasons.md``
("Repair codes"), and named for the fix that makes it
(`cleannews.steps.fixes`, `cleannews.measure`).
"""

#: Mis-decoded text put right by ftfy (`fix_mojibake`): ``SchÃ¶ne`` -> ``Schöne``.
MOJIBAKE = "mojibake"
#: An HTML entity decoded (`unescape_entities`): ``&amp;`` -> ``&``.
ENTITY = "entity"
#: A backslash escape a scraper left undone (`unescape_quotes`, an escaped break
#: inside a repaired text): ``\\"`` -> ``"``.
ESCAPE = "escape"
#: Control, zero-width and other invisible characters removed (`remove_invisible`,
#: ftfy's ``remove_control_chars``).
INVISIBLE = "invisible"
#: A run of white space made one space, or a tab or no-break space a plain space (`normalize_space`).
WHITESPACE = "whitespace"

ALL = (MOJIBAKE, ENTITY, ESCAPE, INVISIBLE, WHITESPACE)
