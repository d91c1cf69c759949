"""Short stopword lists of common web languages: body prose is dense in them, menus are not."""

from __future__ import annotations

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
}

STOPWORDS: frozenset[str] = frozenset(w for words in _LISTS.values() for w in words.split())
