"""Phrase families that mark boilerplate in the most common wording of several languages."""

from __future__ import annotations

import re
from functools import lru_cache

# Each family: reason -> patterns searched in a lower-cased short line (a few words at most).
_SHORT = [
    (
        "navigation",
        r"""^(skip to|jump to|zum inhalt|zur navigation|direkt zum|aller au contenu|ir al contenido|
        vai al contenuto|menu|menü|main menu|navigation|navigationspfad|home|startseite|accueil|inicio|search|suche|
        suchen|rechercher|buscar|cerca|sign in|log in|login|logout|anmelden|einloggen|abmelden|register|
        registrieren|connexion|se connecter|iniciar sesión|accedi|my account|mein konto|back to top|nach oben|
        top|haut de page|previous( article| post)?|next( article| post)?|vorheriger artikel|nächster artikel|
        zurück|weiter|older posts|newer posts|mehr|more|show more|load more|mehr anzeigen|alle anzeigen|
        view all|see all|contact|kontakt|about us|über uns|sitemap|faq|help|hilfe|close|schließen|
        fermer|cerrar|chiudi)\b""",
    ),
    (
        "share prompt",
        r"""^(share|teilen|artikel teilen|beitrag teilen|partager|compartir|condividi|udostępnij|delen|
        tweet|print|drucken|imprimer|imprimir|stampa|copy link|link kopieren|e-?mail|per e-?mail)\b|
        ^([\W\d]*(share|teilen|on|auf|sur|en|via|facebook|twitter|x|pinterest|linkedin|xing|reddit|telegram|
        whatsapp|flipboard|tumblr|mastodon|threads|instagram|youtube|e-?mail|messenger|sms|print|drucken)\b)+[\W\d]*$|
        \b(teilen|drucken|share|print|partager|compartir|imprimir|condividi)\W*$""",
    ),
    (
        "share prompt",
        r"""\b(jetzt|bitte|please|zu|to|it|this|now) (teilen|share|partager|compartir)\W*$|
        \b(canal|kanal|channel)( de| auf| on)? (youtube|telegram|whatsapp)""",
    ),
    (
        "subscription prompt",
        r"""(subscribe|subscription|newsletter|abonnieren|abonnement|abonnenten|
        \babo\b|sign up|s'abonner|abonnez|suscr[ií]b|iscriviti|abbonati|zapisz się|inscreva|
        register now|jetzt registrieren|free trial|kostenlos testen|get the app|
        ^(hier |jetzt )?(kostenlos |gratis )?(anmelden|registrieren)\W*$|^sign up (for free|now)\b|
        ^(unterstütze|unterstützen sie) \S+|^support (us|our (work|journalism))\b)""",
    ),
    (
        "comment form",
        r"""^(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze|reply|antworten|
        répondre|responder|rispondi|like|gefällt mir|melden|report|cancel reply|pingback|trackback)\b""",
    ),
    (
        "comment form",
        r"""(leave a (reply|comment)|post a comment|add a comment|write a comment|
        your email address will not be published|required fields are marked|notify of|
        \d+\s+(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarz\w*)\b|
        kommentar (schreiben|verfassen|abschicken)|save my name|submit comment|post comment|
        laisser un commentaire|deja (un|una) (comentario|respuesta)|lascia un commento|
        you must be logged in|logged in as|sie müssen angemeldet sein|\bsays:$|\bsagt:$|\bdit :$)""",
    ),
    (
        "related-posts block",
        r"""(related (posts?|articles?|stories|content|topics)|you may also like|
        you might also like|read more|read also|also read|more from|more stories|more news|recommended|
        popular posts|most (read|popular|viewed)|trending|weitere artikel|das könnte sie auch|
        auch interessant|auch lesen|mehr zum thema|weitere informationen|weiterführende links|
        das könnte (dich|sie|euch) auch|otras noticias|más noticias|informate más|vea también|
        lea (también|más)|mira también|ver más|sigue leyendo|leia (também|mais)|veja também|
        voir plus|en savoir plus|lire plus|plus d'articles|scopri di più|leggi di più|altre notizie|
        see also|see more|learn more|find out more|more on this|more about|top stories|latest (news|posts|articles)|
        neueste (artikel|beiträge)|aktuelle (artikel|beiträge|nachrichten)|letzte beiträge|
        derniers articles|últimas noticias|ultime notizie|najnowsze|mehr (aus|zu|von)|lesen sie auch|meistgelesen|ähnliche (artikel|beiträge)|
        verwandte artikel|à lire aussi|lire aussi|lire la suite|voir aussi|sur le même sujet|
        te puede interesar|leer más|noticias relacionadas|leggi anche|potrebbe interessarti|
        articoli correlati|zobacz (też|także|również)|czytaj (też|także|więcej)|lees ook|gerelateerd|
        puedes ver|lee (también|más)|^(>>|»)\s.*\s(<<|«)$)""",
    ),
    (
        "advertisement",
        r"""(story continues below|continue reading (below|the main story)|scroll to continue|
        article continues (below|after)|^ad feedback$|^sponsored content|^paid (post|content)|^partner content)""",
    ),
    (
        "navigation",
        r"""^(listen to (this )?(article|story)|\d+ min(ute)?s? read|save( article| story)?|
        gift (this )?article|print (this )?(article|page)|text size|font size|toggle|open menu|close menu|
        edition|sections|all sections|watch live|live tv|watch:|video:|audio:|podcast:|photos:|gallery:)|
        ^(view image in fullscreen|skip ad|reuse this content|view site in reader|collapse this bar|sign me up|
        continue reading|explore more on these topics)$|^(bild (anzeigen|schließen|vergrößern)|zum vergrößern|
        click to enlarge|view (larger )?image|enlarge image|beitragsbild|featured image|report abuse|
        (einen )?missbrauch melden)|^(inhaltsverzeichnis|table of contents|contents|inhalt|sommaire|índice)\W*$|
        ^(externer inhalt|external content|empfohlener redaktioneller inhalt)\W*$""",
    ),
    (
        "related-posts block",
        r"""^(editor'?s'? picks?|top picks|more (top )?stories|most shared|most commented|
        trending( now| stories)?|popular (now|today|stories)|don'?t miss|just in|latest|recommended (for you|stories|reading)|
        you might be interested in|around the web|from our partners|promoted stories|more in [\w ]+|
        related coverage|more coverage|elsewhere on [\w ]+)$""",
    ),
    (
        "advertisement",
        r"""^(advertisement|advertising|anzeige|werbung|sponsored|promoted|publicité|
        publicidad|pubblicità|reklama|advertentie|ad|discover|download|buy|shop now|order now|book now|
        click here|hier klicken|jetzt (kaufen|bestellen|buchen|entdecken|testen|sichern)|get (your|the|our))\b""",
    ),
    (
        "tags",
        r"""^(tags?|tagged|tagged with|schlagworte?|schlagwörter|stichworte?|themen|étiquettes|
        mots-clés|etiquetas|categor(y|ies|ie|ías|ia)|kategorien?|filed under|posted in)\b""",
    ),
    (
        "breadcrumb",
        r"""^(you are here|sie sind hier|vous êtes ici|está en|ti trovi in)\b|
        ^(home|startseite|start|accueil|inicio|home page|homepage)\s*[>›»/|]|^[^>›»]{1,40}([>›»][^>›»]{1,60}){2,}$""",
    ),
    (
        "cookie notice",
        r"""(cookies?\b|datenschutz|privacy|confidentialité|privacidad|ok, ?verstanden|
        ^(accept|akzeptieren|accepter|aceptar|accetta|alle akzeptieren|einverstanden|i agree)\b)""",
    ),
    (
        "copyright",
        r"""(©|\(c\)\s*\d{4}|copyright|all rights reserved|alle rechte vorbehalten|
        tous droits réservés|todos los derechos|tutti i diritti|impressum|imprint|mentions légales|
        aviso legal|terms of (use|service)|nutzungsbedingungen|\bagb\b|conditions générales)""",
    ),
]

# Strong phrases: boilerplate even in a long line.
_LONG = [
    (
        "comment form",
        r"""(enter your comment here|you are commenting using your|fill in your details below or click|
        notify me of (new|follow-up) (comments|posts)|comment form is closed|gib hier deinen kommentar ein|
        du kommentierst mit deinem|trage deine daten unten ein|informiere mich über neue (beiträge|kommentare)|
        benachrichtige mich über (neue|nachfolgende)|benachrichtigung bei weiteren kommentaren|
        saisissez votre commentaire|vous commentez à l'aide de|^(show|load|view|hide|see) (all )?(\d+ )?comments\b|
        ^(alle )?kommentare (anzeigen|laden|einblenden)\b|^(sort by|(view|show|hide) (\d+ )?(more )?repl(y|ies))\b)""",
    ),
    (
        "share prompt",
        r"""(click to (share|print|email)|klicke?n?,? (um|zum) [^.]{0,40}(teilen|drucken|ausdrucken|senden)|
        cliquez pour (partager|imprimer|envoyer)|\(opens in (a )?new window\)|\(wird in neuem fenster geöffnet\)|
        \(s'ouvre dans une nouvelle fenêtre\))""",
    ),
    (
        "tags",
        r"""(bookmark the permalink|lesezeichen für den permalink|^this entry was posted (in|on)\b|
        ^(dieser|der) (eintrag|beitrag|artikel) wurde .{0,80}veröffentlicht)""",
    ),
    (
        "copyright",
        r"""(blog at wordpress\.com|bloggen auf wordpress\.com|create a free website or blog|
        erstelle eine kostenlose website oder|already have a wordpress\.com account|powered by wordpress|
        proudly powered by)""",
    ),
    (
        "related-posts block",
        r"""^(read (more|also|next)|see also|related|more|also on|lesen sie (auch|mehr|hier)|
        lea|lee|mira|ver también|leia|lire|watch|listen|read|ver|auch interessant|das könnte sie interessieren|
        auch lesen|mehr (dazu|zum thema)|weiterlesen|zum thema|lire (aussi|la suite)|à lire aussi|voir aussi|
        vea también|lea (también|más)|leer más|mira también|te puede interesar|leggi anche|leggi (di )?più|
        czytaj (też|także|więcej)|zobacz (też|także)|lees ook|leia (também|mais)|veja também|le puede interesar|
        puedes ver|también te puede interesar|you (may|might) also like|ebenfalls interessant)\s*[:›»>|–—-]""",
    ),
    (
        "caption",
        r"""^(?=(\S+\s+){0,30}\S*$)(.*©|.*picture[- ]alliance|(foto|fotos|photo|photos|bild|bilder|
        image|imagen|immagine|credit|crédit|quelle|fuente|fonte|źródło|bildquelle|fotocredit|photo credit|crédito|
        titelbild|titelfoto|beitragsbild|symbolbild|abbildung \d+|fig(ure|\.)? ?\d+)\s*:|.*\((symbolbild|archivbild|archive|
        file photo|archivo)\)\W*$|.*\b(foto|photo|bild|imagen|credit|crédito|photograph)\s*:\s*[^.:]{1,40}\W*$|
        (.*([/|©(:,·•]|\b(foto|photo|bild|image|picture|credit)s?\b)\s*)?(getty images|\bdpa\b|\bafp\b|reuters|
        \bimago\b|shutterstock|istock(photo)?|keystone|\bap photo)\W*$|
        (image|media) caption,|image source,|pictured:|photo by .{1,60} on (unsplash|pexels|pixabay)\W*$|.*\bap photo/|
        .*\((reuters|afp|ap|dpa|efe|epa|ansa|getty images|imago|aa|xinhua)\s*/[^()]{1,50}\)\W*$|
        .*\((foto|fotos|photo|quelle|source|bild|fuente|foto de|crédit|credit|picture)\s*:[^()]{1,60}\)\W*$|
        .*\([^()]{0,40}(istock|shutterstock|adobe ?stock|getty images|unsplash|pixabay|pexels)(\.com)?\)\W*$)""",
    ),
    (
        "disclaimer",
        r"""(affiliate links?|we may (earn|receive) (a )?(small )?commission|erhält? .{0,30}provision|
        provisions?-?links|werbelinks?|enthält (affiliate|werbe)|liens? (d'affiliation|affiliés)|enlaces de afiliados|
        link di affiliazione)""",
    ),
    (
        "author bio",
        r"""^((hi|hallo|hello|hey|servus|moin|bonjour|hola|ciao)\b[ ,!]*)?(ich bin|i am|i'm|je suis|soy|sono|
        mein name ist|my name is|je m'appelle|me llamo|mi chiamo)\s+[\w-]+\s*,|^about (me|the author)\b|
        ^über (mich|den autor|die autorin)\b""",
    ),
    (
        "disclaimer",
        r"""^(disclaimer|haftungsausschluss|avertissement)\b|the views and opinions expressed|
        does not constitute (financial|investment) advice|not (be )?considered (as )?financial advice""",
    ),
    (
        "cookie notice",
        r"""(we and our (\d+ )?partners|(store and/or access|process(es)?) (information|personal data)|
        (consent|privacy) (preferences|settings|choices)|manage (cookies|consent|preferences)|by clicking .?accept|
        (please )?enable javascript|javascript is (disabled|required)|your browser is (out of date|not supported))""",
    ),
    (
        "subscription prompt",
        r"""((subscribe|sign in|log in) to (continue|keep) reading|you'?ve (read|reached) \d+ of \d+|
        free articles? (left|remaining)|already (have an account|a member)|create (a )?free account)""",
    ),
    (
        "cookie notice",
        r"""(we use cookies|this (web)?site uses cookies|verwendet cookies|nutzt cookies|
        wir (verwenden|nutzen|setzen) cookies|nous utilisons des cookies|utilizamos cookies|usiamo (i )?cookie|
        używamy (plików )?cookies|we gebruiken cookies|
        utilise des cookies|utiliza cookies|utilizza (i )?cookie|by continuing to (use|browse)|
        cookies (verwenden|einsetzen|erleichtern|helfen|help us)|use of cookies|^(accept|akzeptieren sie) (all |alle )?cookies|
        cookie[- ](policy|settings|preferences|richtlinie|einstellungen)|
        klicken sie auf den (unteren )?button,? um den inhalt|click (on )?the button below to load|
        (inhalt|inhalte|content) (von|from) [\w.-]+ (zu )?laden|to load (the )?(content|video|tweet|map) from|
        (ich akzeptiere|i accept|i agree to|i have read( and accept)?) (die|den|the) (datenschutz|privacy|terms))""",
    ),
    (
        "server error message",
        r"""^(deprecated|strict standards|warning|notice|fatal error|parse error):
        .{0,400}\bon line \d+""",
    ),
    (
        "copyright",
        r"""(all rights reserved|alle rechte vorbehalten|tous droits réservés|
        todos los derechos reservados|tutti i diritti riservati)""",
    ),
    (
        "comment form",
        r"""(your email address will not be published|required fields are marked|
        (ihre|deine) e-mail-adresse wird (nicht|niemals) veröffentlicht|votre adresse (e-)?mail ne sera pas publiée|
        tu dirección de correo electrónico no será publicada|il tuo indirizzo email non sarà pubblicato)""",
    ),
    (
        "related-posts block",
        r"""^(interested in (reading )?more|want to read more|discover more (about|from)|
        read more (about|from|on)|find more (about|from)|for more (stories|articles|news) (like this|on|about))\b""",
    ),
    (
        "comment form",
        r"""((log ?in|sign in|register|registrieren|anmelden|inicia sesión|registrarte|connectez-vous)
        .{0,30}\b(to|um|pour|para|per) (comment|kommentieren|commenter|comentar|commentare)|
        ^(para|pour|per|um|to) (comentar|commenter|commentare|kommentieren|comment)\b|
        (must|need to|have to|müssen|musst|devez|debes|devi) .{0,20}(logged in|angemeldet|connecté|registrad|
        registrat|eingeloggt).{0,20}(to|um|pour|para|per) (post a )?(comment|kommentieren|commenter|comentar|commentare)|
        (kommentare|comments) (sind|are) (geschlossen|closed|deaktiviert|disabled))""",
    ),
    (
        "share prompt",
        r"""^(follow us|folge uns|folgen sie uns|suivez-nous|síguenos|siganos|seguici|volg ons|
        join (us|our)|abonnieren sie uns|mira lo que tiene nuestro|check out our|besuchen sie uns)\b|
        (youtube|instagram|telegram|whatsapp|tiktok)[- ]?(kanal|channel|canal)""",
    ),
    (
        "subscription prompt",
        r"""(get (the latest|our|breaking) .{0,40}(delivered|in your inbox|straight to your)|
        (sign up|register) (now |today )?(for free|to (get|receive|read|continue))|already a subscriber|
        subscribe (now|today)|become a (member|subscriber)|^(please |help us |you can )?support (our|independent) journalism|
        you have reached your (free )?(article )?limit|this (article|content) is (for|only available to) subscribers|
        sign up for (our|the) [\w ]{0,30}newsletter|by signing up,? you agree|thanks for signing up|
        wählen sie ihren zugang|choose your (subscription|plan) to continue)""",
    ),
    (
        "share prompt",
        r"""^(follow (\w+ ){1,3}on (twitter|facebook|instagram|linkedin|x)\b|have a (news )?tip\b|
        contact the (author|reporter)|email the (author|reporter)|click here to)""",
    ),
    (
        "subscription prompt",
        r"""(sign up for (our|the) newsletter|subscribe to (our|the) newsletter|
        melden sie sich (jetzt )?für (unseren|den) newsletter|abonnez-vous à (notre|la) newsletter)""",
    ),
]


# Substrings without which a long-line family cannot match: cheap `in` tests skip most regex scans.
_LONG_NEEDS = {
    "caption": (
        "©",
        "picture",
        "pictured",
        "unsplash",
        "pixabay",
        "pexels",
        "adobe",
        "caption",
        "source,",
        "(ap",
        "(aa",
        "efe",
        "epa",
        "ansa",
        "xinhua",
        "foto",
        "photo",
        "bild",
        "image",
        "imagen",
        "immagine",
        "credit",
        "crédit",
        "quelle",
        "fuente",
        "fonte",
        "źródło",
        "titel",
        "symbol",
        "abbildung",
        "fig",
        "archiv",
        "getty",
        "dpa",
        "afp",
        "reuters",
        "imago",
        "shutterstock",
        "istock",
        "keystone",
        "crédito",
    ),
    "disclaimer": (
        "affili",
        "afiliados",
        "commission",
        "provision",
        "werbe",
        "disclaimer",
        "haftungsausschluss",
        "avertissement",
        "views and opinions",
        "advice",
    ),
    "cookie notice": (
        "cookie",
        "by continuing",
        "button",
        "laden",
        "load",
        "akzeptiere",
        "accept",
        "agree",
        "i have read",
        "partners",
        "store and",
        "process",
        "consent",
        "privacy",
        "manage",
        "clicking",
        "javascript",
        "browser",
    ),
    "server error message": ("on line",),
    "copyright": ("reserv", "vorbehalten", "wordpress", "powered by"),
    "comment form": (
        "mail",
        "required",
        "dirección",
        "indirizzo",
        "comment",
        "kommentar",
        "comentar",
        "details below",
        "sort by",
        "repl",
        "benachrichtig",
        "informiere",
    ),
    "tags": ("permalink", "posted", "veröffentlicht"),
    "share prompt": (
        "click",
        "klick",
        "cliquez",
        "window",
        "fenster",
        "fenêtre",
        "youtube",
        "instagram",
        "telegram",
        "whatsapp",
        "tiktok",
        "follow",
        "folg",
        "suivez",
        "síguenos",
        "siganos",
        "seguici",
        "volg",
        "join",
        "abonnieren",
        "mira",
        "check out",
        "besuchen",
        "tip",
        "contact",
        "email",
        "click",
    ),
    "subscription prompt": (
        "get ",
        "sign up",
        "signing up",
        "zugang",
        "choose your",
        "register",
        "subscri",
        "member",
        "journalism",
        "limit",
        "newsletter",
        "reading",
        "you",
        "free article",
        "account",
    ),
}


_NEEDS = sorted({n for ns in _LONG_NEEDS.values() for n in ns}, key=len, reverse=True)


def _compile(
    families: list[tuple[str, str]], needs=None
) -> list[tuple[str, re.Pattern, tuple | None]]:
    needs = needs or {}
    return [
        (reason, re.compile(re.sub(r"\s*\n\s*", "", pat)), needs.get(reason))
        for reason, pat in families
    ]


SHORT_FAMILIES = _compile(_SHORT)
# Families that match a menu word at the start of a line ("Home", "Share", "More", "Privacy"): a full
# sentence that merely begins with such a word ("More than 200 people were evacuated.") is not one of them.
_MENU_WORD_FAMILIES = frozenset({0, 1, 4, 6, 8, 10, 11, 13})
LONG_FAMILIES = _compile(_LONG, _LONG_NEEDS)


@lru_cache(maxsize=1 << 16)
def match_short(lowered: str, sentence: bool = False) -> str | None:
    """Reason for a short line that reads like a menu item, prompt or notice, else None; a full sentence is
    only judged by the phrase families, not by its first word.

    Cached: menus, share bars and footers repeat on every page of a site."""
    for k, (reason, pattern, _) in enumerate(SHORT_FAMILIES):
        if sentence and k in _MENU_WORD_FAMILIES:
            continue
        if pattern.search(lowered):
            return reason
    return None


def match_long(lowered: str) -> str | None:
    """Reason for a line of any length that only boilerplate says, else None."""
    present: dict[
        str, bool
    ] = {}  # substring tests (C speed) per reason, done at most once per line
    for reason, pattern, needs in LONG_FAMILIES:
        if needs:
            ok = present.get(reason)
            if ok is None:
                ok = present[reason] = any(map(lowered.__contains__, needs))
            if not ok:
                continue
        if pattern.search(lowered):
            return reason
    return None


# Signatures of a reader-comment thread: "Name says:", a reply button, a date with a clock time.
_SAYS = re.compile(
    r"^.{1,60}?\s(says|said|sagt|schreibt|schrieb|meint|dit|a dit|écrit|dice|escribió|scrive|"
    r"ha scritto|schreef|zegt|napisał\w*|wrote|writes|commented|antwortete|replied)\s*:?$",
    re.I,
)
_REPLY = re.compile(
    r"^(reply|antworten|antwort|répondre|responder|rispondi|odpowiedz|beantwoorden|reageren|"
    r"svar)(\s*↓|\s*\(\d+\))?$",
    re.I,
)
_STAMP = re.compile(
    r"(\d{1,2}[:.h]\d{2}\s*(uhr|am|pm|h)?|\bum \d{1,2}[:.]\d{2}|\bat \d{1,2}:\d{2}|"
    r"\bà \d{1,2}[h:]\d{2}|\ba las \d{1,2}:\d{2}|\balle \d{1,2}:\d{2})\W{0,3}$",
    re.I,
)
_DATE_HINT = re.compile(
    r"\d{4}|\d{1,2}\.\d{1,2}\.|\bago\b|\bvor\b|\bil y a\b|\bhace\b|\byesterday\b|\bgestern\b", re.I
)


_AGO = re.compile(
    r"^\S.{0,40}\s[•·|–-]\s*(\d+|an?|one)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago$",
    re.I,
)


def comment_signature(text: str) -> bool:
    """True for a line only a reader-comment thread has: 'Name says:', a reply button, a date+time stamp."""
    if len(text) > 80:
        return False
    if _SAYS.match(text) or _REPLY.match(text) or _AGO.match(text):
        return True
    return bool(_STAMP.search(text) and _DATE_HINT.search(text) and len(text.split()) <= 8)
