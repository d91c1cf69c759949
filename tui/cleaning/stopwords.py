"""Short stopword lists of common web languages: body prose is dense in them, menus are not."""

from __future__ import annotations

import re
from functools import lru_cache

_LISTS = {
    "en": """a about after all also an and any are as at be because been but by can could did do
        does for from had has have he her him his how i if in into is it its just like more most my
        no not of on one only or other our out over she so some such than that the their them then
        there these they this those through to up us very was we were what when where which while
        who will with would you your""",
    "de": """aber alle als also am an auch auf aus bei bis das dass dem den der des die dies diese
        dieser doch durch ein eine einem einen einer eines er es für hat hatte ich ihr ihre im in
        ist jetzt kann mit man mehr nach nicht noch nur oder schon sehr sich sie sind so über um
        und uns von vor war wie wir wird wurde wurden zu zum zur""",
    "fr": """à au aux avec ce cette ces dans de des du elle en est et il ils je la le les leur lui
        mais ne nous on ou par pas plus pour qu que qui sa se ses son sont sur un une été être y
        avait a""",
    "es": """a al como con de del el ella en entre era es esta este fue ha han hay la las le lo
        los más mi muy no nos o para pero por que se ser sin sobre su sus también un una y ya""",
    "it": """a al alla anche che ci come con da dal dei del della delle di e è gli ha i il in la
        le lo ma nel nella non per più si sono su tra un una uno""",
    "pt": """a ao as com como da das de do dos e é em entre era foi mais mas na nas no nos o os ou
        para pela pelo por que se sem seu sua são também um uma""",
    "nl": """aan al als bij dat de den der deze die dit door een en er had heeft het hij in is
        ik je maar met naar niet nog of om ook op over te tot uit van voor was wat werd wij worden
        zijn ze zich""",
    "pl": """a ale bo by być do i jak jest jego już na nie o od po przez się tak także te to w we
        z za że oraz który która które jako tym""",
    "sv": """att av de den det en ett för har i inte jag med men och om på som till var vi är""",
    "da": """af at de den der det en er et for har i ikke jeg med men og om på som til var vi""",
    "fi": """ja on ei että se oli hän mutta kun tai ovat myös jo sen niin kuin ole mukaan vain""",
    "cs": """a aby ale ani by jak je jeho jsou jako již k na o od po pro se si tak také to v ve z za že""",
    "ru": """а без бы в во вы да для до его ее её если же за и из или им их к как ко ли на над не нет
        но о об он она они оно от по при с со так также то того тоже у уже что это этот я""",
    "uk": """а але в від він вона вони до з за і й на не по про та також так те то у це що як який які""",
    "tr": """ve bir bu da de için ile gibi daha çok olarak olan ama en""",
    # Indonesian/Malay without "dan" (and): as "Dan", a first name, it would stop bylines being read.
    "id": """yang di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh ada atau sudah
        saat bisa mereka kami kita adalah sebagai telah lebih tersebut bahwa namun""",
    "ar": """في من على إلى أن عن مع هذا هذه التي الذي كان قد لا ما أو بين كل وقد وفي ذلك""",
}

# Chinese and Japanese function characters (Japanese: its particles, in kana): counted per character,
# since these scripts have no spaces.
CJK_STOPCHARS = frozenset(
    "的了在是和与对也为有不这中将从到就而及等被但都其之以于所个のにはをがでとへもや"
)
# Korean writes its particles on the end of a word ("류화영의", "사진을"): such a word counts as a stopword.
KOREAN_PARTICLE_ENDS = frozenset("은는이가을를에의도로와과")

STOPWORDS: frozenset[str] = frozenset(w for words in _LISTS.values() for w in words.split())

_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=1 << 14)
def content_words(lower: str) -> frozenset[str]:
    """Words of four letters or more that are not stopwords: what a line is about, to compare lines by topic.

    Cached (bounded): the body finder, the tail cutter and the title picker ask for the same lines'
    words several times per page; frozen, so no caller can change what the next one gets."""
    return frozenset(_CONTENT_WORD.findall(lower)).difference(STOPWORDS)


@lru_cache(maxsize=1 << 15)
def folded_words(text: str) -> str:
    """The line case-folded with each run of non-word characters as one space, trimmed: two lines that
    say the same words compare equal. Cached (bounded): a page's menus repeat down the page and across
    a site's pages."""
    return " ".join(_WORD_RUN.findall(text.casefold()))
