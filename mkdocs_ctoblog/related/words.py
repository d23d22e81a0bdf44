"""The significant words of a post's title and description: stop-words and short words out, plurals
folded."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more

# English function words and blog filler: they say nothing about what a post is about.
STOP_WORDS = frozenset(
    """
    about above after again against all also although always among and another any anyone
    anything are around because been before being below best better between both but can cannot
    could did does doing done down during each either else enough even ever every few first for
    from further get gets getting give given goes going good got great had has have having her
    here hers herself him himself his how however into its itself just know last least less like
    little lot lots made make makes making many may might more most much must myself need needs
    never new next nor not nothing now off often once one only onto other others our ours
    ourselves out over own part per put quite rather really right said same say says see should
    show since some something still such sure take than that the their theirs them themselves
    then there these they thing things think this those though three through thus too two under
    until upon use used uses using very want was way ways well were what when where whether
    which while who whom whose why will with within without would yet you your yours yourself
    yourselves year years time times day days week weeks month months post posts blog read
    reading write writing wrote part look looks looking come comes came go goes went
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def significant_words(text: str, stems: dict[str, str] | None = None) -> set[str]:
    """Lower-case word stems of `text`, stop-words and words under three letters removed.

    `stems` caches word → stem ("" for words that do not count) across calls.
    """
    stems = {} if stems is None else stems
    words = set(_WORD.findall(text.lower()))
    for word in words.difference(stems):
        stems[word] = "" if word in STOP_WORDS else _stem(word)
    found = set(map(stems.__getitem__, words))
    found.discard("")
    return found


def _stem(word: str) -> str:
    """A light plural-folding stem: `teams` → `team`, `policies` → `policy`."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
