"""Words of career objectives and job descriptions, compared by the matching (no ORM).

Texts mix English and French (a mentor's NOC and NAICS titles are stored in both), so a
word is stemmed by Snowball's English and French stemmers and keeps the shorter stem:
"engineer" and "engineering" meet as "engin", "infirmière" and "infirmier" as "infirmi",
"accountant" and "accounting" as "account". Accents are stripped after stemming.
"""

import re
from functools import lru_cache

import snowballstemmer

from odoo.addons.mentoring_base.tools.classification import normalize_text

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each else ever
    few for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just least less like made make many may me more most much must my
    myself no nor not now of off often on once one only or other our ours ourselves out over
    own per same she should so some still such than that the their theirs them themselves then
    there these they this those through to too under until up upon us very via was we well were
    what when where which while who whom why will with within without would yet you your yours
    yourself yourselves
    ai aie ainsi alors apres au aucun aussi autre autres aux avant avec avoir avons ayant bon
    car ce ceci cela celle celles celui ces cet cette ceux chaque chez comme comment d dans de
    des deja depuis devrait doit donc dont du elle elles en encore entre est et etaient etait
    ete etre eu eux fait faire fois font hors ici il ils j je jusqu l la le les leur leurs lui m
    ma mais me meme memes mes moi moins mon n ne ni nos notre nous on ont ou par parce pas peu
    peut plus pour pourquoi qu quand que quel quelle quelles quels qui s sa sans se selon ses
    seulement si sien soi soit son sont sous suis sur t ta tandis te tes toi ton tous tout toute
    toutes tres tu un une unes uns vers via voici voila vos votre vous y
    """.split()
)
# Words of any job search, which say nothing about the occupation sought.
GENERIC_WORDS = frozenset(
    """
    career careers canada canadian company companies employer employers employment find
    firm firms get goal goals job jobs looking obtain opportunity opportunities organization
    organizations organisation organisations position positions return role roles seek
    seeking want wants work working
    carriere emploi emplois employeur employeurs entreprise entreprises obtenir occuper
    organisme organismes poste postes retour retourner travail travailler trouver veux vouloir
    """.split()
)
IGNORED_WORDS = STOP_WORDS | GENERIC_WORDS
WORD_RE = re.compile(r"\w+")
_STEMMERS = (snowballstemmer.stemmer("english"), snowballstemmer.stemmer("french"))


@lru_cache(maxsize=65536)
def stem(word):
    """The stem of one lower-case word, accents stripped: the shorter of its English and
    French Snowball stems ("engineering" -> "engin", "ingénieures" -> "ingenieur")."""
    stems = [stemmer.stemWord(word) for stemmer in _STEMMERS]
    return normalize_text(min(stems, key=len))


def _content_words(text):
    """(word as written, lower case) of ``text`` that carry meaning: no stop word, generic
    job-search word, number or one-letter word."""
    for word in WORD_RE.findall(text or ""):
        lower = word.lower()
        normalized = normalize_text(lower)
        if len(normalized) > 1 and not normalized.isdigit() and normalized not in IGNORED_WORDS:
            yield lower


def tokenize(text):
    """Stemmed content words of ``text`` as a frozenset of strings."""
    return frozenset(stem(word) for word in _content_words(text))


def surface_words(text):
    """{stem: first word of ``text`` with that stem}, to show shared words as written."""
    found = {}
    for word in _content_words(text):
        found.setdefault(stem(word), word)
    return found
