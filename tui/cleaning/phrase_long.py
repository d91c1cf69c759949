"""Phrase families for lines of any length ("long", "opening") and end-of-article markers; see `phrase_data`."""

from __future__ import annotations

from .phrase_family import Family

LONG_AND_MARKERS: tuple[Family, ...] = (
    Family(
        "comment-widgets",
        "comment form",
        "long",
        ("en", "de", "fr"),
        r"(enter your comment here|you are commenting using your|"
        r"fill in your details below or click|notify me of (new|follow-up) (comments|posts)|"
        r"comment form is closed|gib hier deinen kommentar ein|du kommentierst mit deinem|"
        r"trage deine daten unten ein|informiere mich über neue (beiträge|kommentare)|"
        r"benachrichtige mich über (neue|nachfolgende)|"
        r"benachrichtigung bei weiteren kommentaren|saisissez votre commentaire|"
        r"vous commentez à l'aide de|^(show|load|view|hide|see) (all )?(\d+ )?comments\b|"
        r"^(alle )?kommentare (anzeigen|laden|einblenden)\b|^(sort by|(view|show|"
        r"hide) (\d+ )?(more )?repl(y|ies))\b|^(verraten sie|verrate|erzähl|erzählt|schreib|schreibt|"
        r"let us know|tell us)\b.{0,40}\b(in den kommentaren|in the comments))",
    ),
    Family(
        "share-click",
        "share prompt",
        "long",
        ("en", "de", "fr"),
        r"(click to (share|print|email)|klicke?n?,? (um|zum) [^.]{0,40}(teilen|drucken|"
        r"ausdrucken|senden)|cliquez pour (partager|imprimer|envoyer)|"
        r"\(opens in (a )?new window\)|\(wird in neuem fenster geöffnet\)|"
        r"\(s'ouvre dans une nouvelle fenêtre\))",
    ),
    Family(
        "permalink-footer",
        "tags",
        "long",
        ("en", "de"),
        r"(bookmark the permalink|lesezeichen für den permalink|^this entry was posted (in|"
        r"on)\b|^(dieser|der) (eintrag|beitrag|artikel) wurde .{0,80}veröffentlicht)",
    ),
    Family(
        "blog-platform-footer",
        "copyright",
        "long",
        ("en", "de"),
        r"(blog at wordpress\.com|bloggen auf wordpress\.com|create a free website or blog|"
        r"erstelle eine kostenlose website oder|already have a wordpress\.com account|"
        r"powered by wordpress|proudly powered by)",
    ),
    Family(
        "read-more-lead-in",
        "related-posts block",
        "long",
        ("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
        r"^(read (more|also|next)|see also|related|more|also on|lesen sie (auch|mehr|hier)|"
        r"lea|lee|mira|ver también|leia|lire|watch|listen|read|ver|auch interessant|"
        r"das könnte sie interessieren|auch lesen|mehr (dazu|zum thema)|weiterlesen|zum thema|"
        r"lire (aussi|la suite)|à lire aussi|voir aussi|vea también|lea (también|más)|"
        r"leer más|mira también|te puede interesar|leggi anche|leggi (di )?più|czytaj (też|"
        r"także|więcej)|zobacz (też|także)|lees ook|leia (também|mais)|veja também|"
        r"le puede interesar|puedes ver|también te puede interesar|you (may|might) also like|"
        r"ebenfalls interessant|dowiedz się więcej|czytaj także)\s*[:›»>|–—-]",
    ),
    Family(
        "photo-credits",
        "caption",
        "long",
        ("en", "de", "fr", "es", "it", "pt", "pl"),
        r"^(?=(\S+\s+){0,30}\S*$)(.*©|.*picture[- ]alliance|(foto|fotos|photo|photos|bild|"
        r"bilder|image|imagen|immagine|credit|crédit|quelle|fuente|fonte|źródło|bildquelle|"
        r"fotocredit|photo credit|crédito|titelbild|titelfoto|beitragsbild|symbolbild|"
        r"abbildung( \d+)?|fig(ure|\.)? ?\d+)\s*:|^fot\. \S|^(vergrößern|enlarge|agrandir|ampliar) [^\W\d_]|.*\b\w+ \((l|r|li|re|m|v\. ?l\.?( ?n\. ?r\.?)?)\.\) (und|mit|neben|and|with) |.*\((symbolbild|archivbild|archive|file photo|"
        r"archivo)\)\W*$|^(image|photo|picture|slide|bild|foto) \d+ (of|von|de|di|/) \d+$|.*\((image|photo|picture|pic|foto|bild)s?\s*:\s*[^()]{1,40}\)\W*$|"
        r".*\b(foto|photo|bild|imagen|credit|crédito|"
        r"photograph)\s*:\s*([^.:]|\.(?=\w)){1,40}\W*$|.*\b(zum vergrößern|click to enlarge|"
        r"cliquez pour agrandir)\b|(.*([/|©(:,·•]|\b(foto|photo|bild|image|picture|"
        r"credit)s?\b)\s*)?(getty images|\bdpa\b|\bafp\b|reuters|\bimago\b|shutterstock|"
        r"istock(photo)?|keystone|\bap photo)\W*$|(image|media) caption,|^(image|media|video) caption(?!s)|^file photo\s*:|image source,|"
        r"pictured:|photo by .{1,60} on (unsplash|pexels|pixabay)\W*$|.*\bap photo/|^screenshot\s*[,:/|]|"
        r".*\s/\s*\(c\)\s*[^\W\d_][^/()]{1,40}$|"
        r".*\((reuters|afp|ap|dpa|efe|epa|ansa|getty images|imago|aa|"
        r"xinhua)\s*/[^()]{1,50}\)\W*$|.*\((foto|fotos|photo|quelle|bildquelle|fotoquelle|source|bild|fuente|"
        r"foto de|crédit|credit|picture)\s*:[^()]{1,60}\)\W*$|.*\([^()]{0,40}(istock|"
        r"shutterstock|adobe ?stock|getty images|unsplash|pixabay|pexels)(\.com)?\)\W*$)",
    ),
    Family(
        "affiliate-disclosure",
        "disclaimer",
        "long",
        ("en", "de", "fr", "es", "it"),
        r"(affiliate links?|we (may|might) (earn|receive) (an? )?(small )?(affiliate )?commission|"
        r"erhält? .{0,30}provision|provisions?-?links|werbelinks?|enthält (affiliate|werbe)|"
        r"enthält (unbezahlte |unbeauftragte |bezahlte )?werbung|^\W*(unbezahlte |unbeauftragte )?"
        r"(werbung|anzeige)\s*[.:|/]|werbung (wegen|durch) (markennennung|verlinkung)|"
        r"liens? (d'affiliation|affiliés)|enlaces de afiliados|link di affiliazione)",
    ),
    Family(
        "author-intro",
        "author bio",
        "long",
        ("en", "de", "fr", "es", "it"),
        r"^((hi|hallo|hello|hey|servus|moin|bonjour|hola|ciao)\b[ ,!]*)?(ich bin|i am|i'm|"
        r"je suis|soy|sono|mein name ist|my name is|je m'appelle|me llamo|"
        r"mi chiamo)\s+[\w-]+\s*,|^about (me|the author)\b|\b(view|see|zeige|alle) (all |alle )?(posts|"
        r"beiträge|artikel) (by|von)( [^\W\d_][\w'.-]*){1,3}\W*$|^über (mich|den autor|"
        r"die autorin)\b",
    ),
    Family(
        "investment-disclaimer",
        "disclaimer",
        "long",
        ("en", "de", "fr"),
        r"^(disclaimer|haftungsausschluss|avertissement)\b|the views and opinions expressed|"
        r"does not constitute (financial|investment) advice|"
        r"not (be )?considered (as )?financial advice|keine haftung für (die )?inhalte "
        r"(externer|fremder) (links|seiten)|(stehen|steht|is|are) (licensed )?(unter|under) "
        r"(einer|a) creative[- ]commons|^(medically )?(reviewed|fact[- ]checked) by\b|"
        r"entspricht den vorgaben der (ärztlichen|medizinischen) fachliteratur",
    ),
    Family(
        "consent-dialog",
        "cookie notice",
        "long",
        ("en",),
        r"(we and our (\d+ )?partners|(store and/or access|process(es)?) (information|"
        r"personal data)|(consent|privacy) (preferences|settings|choices)|manage (cookies|"
        r"consent|preferences)|by clicking .?accept|(please )?enable javascript|"
        r"javascript is (disabled|required)|your browser is (out of date|not supported))",
    ),
    Family(
        "paywall",
        "subscription prompt",
        "long",
        ("en",),
        r"((subscribe|sign in|log in) to (continue|keep) reading|you'?ve (read|"
        r"reached) \d+ of \d+|free articles? (left|remaining)|already (have an account|"
        r"a member)|create (a )?free account)",
    ),
    Family(
        "cookie-banner",
        "cookie notice",
        "long",
        ("en", "de", "fr", "es", "it", "pl", "nl"),
        r"(we use cookies|this (web)?site uses cookies|verwendet cookies|nutzt cookies|"
        r"wir (verwenden|nutzen|setzen) cookies|nous utilisons des cookies|utilizamos cookies|"
        r"usiamo (i )?cookie|używamy (plików )?cookies|korzystamy z (plików )?cookies|"
        r"ohne (dein|ihr) einverständnis keine verbindung|per kontaktformular anfragen zukommen|"
        r"we gebruiken cookies|"
        r"utilise des cookies|utiliza cookies|utilizza (i )?cookie|by continuing to (use|"
        r"browse)|cookies (verwenden|einsetzen|erleichtern|helfen|help us)|use of cookies|"
        r"^(accept|akzeptieren sie) (all |alle )?cookies|cookie[- ](policy|settings|"
        r"preferences|richtlinie|einstellungen)|"
        r"klicken sie auf den (unteren )?button,? um den inhalt|"
        r"click (on )?the button below to load|(inhalt|inhalte|content) (von|"
        r"from) [\w.-]+ (zu )?laden|to load (the )?(content|video|tweet|map) from|"
        r"(ich akzeptiere|i accept|i agree to|i have read( and accept)?) (die|den|"
        r"the) (datenschutz|privacy|terms))",
    ),
    Family(
        "video-player",
        "video player",
        "long",
        ("en",),
        # the screen-reader strings of the common web video players (video.js and its skins)
        r"^(this is a modal window\.|beginning of dialog window\.|end of dialog window\.|"
        r"no compatible source was found for this media\.|the media could not be loaded\b|"
        r"the media playback was aborted\b|a network error caused the media download to fail\b|"
        r"captions settings, opens captions settings dialog|descriptions off, selected|"
        r"captions off, selected|subtitles settings, opens subtitles settings dialog)",
    ),
    Family(
        "server-error",
        "server error message",
        "long",
        ("en",),
        r"^(deprecated|strict standards|warning|notice|fatal error|"
        r"parse error):.{0,400}\bon line \d+|^(oops[.!,]* )?something went wrong( with [\w ]{1,30})?[.!]*"
        r"( (please )?(try again|reload|refresh)[\w ]{0,20}[.!]*)?$",
    ),
    Family(
        "rights-reserved",
        "copyright",
        "long",
        ("en", "de", "fr", "es", "it"),
        r"(all rights reserved|alle rechte vorbehalten|tous droits réservés|"
        r"todos los derechos reservados|tutti i diritti riservati|"
        r"this (document|article|material|content) is (subject to|protected by) copyright|"
        r"no part (of (this|it) )?may be reproduced)",
    ),
    Family(
        "email-not-published",
        "comment form",
        "long",
        ("en", "de", "fr", "es", "it"),
        r"(your email address will not be published|required fields are marked|(ihre|"
        r"deine) e-mail-adresse wird (nicht|niemals) veröffentlicht|"
        r"votre adresse (e-)?mail ne sera pas publiée|"
        r"tu dirección de correo electrónico no será publicada|"
        r"il tuo indirizzo email non sarà pubblicato)",
    ),
    Family(
        "read-more-invite",
        "related-posts block",
        "long",
        ("en", "de"),
        r"^(interested in (reading )?more|want to read more|discover more (about|from)|"
        r"read more (about|from|on)|find more (about|from)|for more (stories|articles|"
        r"news) (like this|on|about)|check out more (stories|articles|posts|news) (on|from|at))\b|"
        r"finden sie alle (aktuellen |weiteren )?(news|nachrichten|meldungen|pressemitteilungen)\b",
    ),
    Family(
        "truncated-teaser",
        "related-posts block",
        "long",
        ("en", "de", "fr", "es", "it", "pt"),
        r"(…|\.\.\.)\s*(read more|continue reading|keep reading|weiterlesen|mehr lesen|"
        r"lire la suite|leer más|seguir leyendo|leggi (di )?più|continua a leggere|leia mais)\b",
    ),
    Family(
        "repeated-headline",
        "related-posts block",
        "long",
        ("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
        r"^([^\W\d_][^\n.!?]{14,120}?)\s*\1",
    ),
    Family(
        "login-to-comment",
        "comment form",
        "long",
        ("en", "de", "fr", "es", "it"),
        r"((log ?in|sign in|register|registrieren|anmelden|inicia sesión|registrarte|"
        r"connectez-vous).{0,30}\b(to|um|pour|para|per) (comment|kommentieren|commenter|"
        r"comentar|commentare)|^(para|pour|per|um|to) (comentar|commenter|commentare|"
        r"kommentieren|comment)\b|(must|need to|have to|müssen|musst|devez|debes|"
        r"devi) .{0,20}(logged in|angemeldet|connecté|registrad|registrat|"
        r"eingeloggt).{0,20}(to|um|pour|para|per) (post a )?(comment|kommentieren|commenter|"
        r"comentar|commentare)|(kommentare|comments) (sind|are) (geschlossen|closed|"
        r"deaktiviert|disabled))",
    ),
    Family(
        "reader-prompts",
        "share prompt",
        "long",
        ("en", "de"),
        r"^(sie lesen gerne?|gefällt (dir|ihnen) (unser|unsere|dieser)|lust auf mehr\?|"
        r"enjoying (this|our) (article|content|magazine|newsletter)\?|like what you('re| are) reading\?|"
        r"(du willst|willst du|möchtest du|wollen sie|möchten sie) mehr (über|zu|als)\b|"
        r"want (more|to know more)\?|(wenn du|wenn sie) .{0,60}(informiert|benachrichtigt) "
        r"(werden|bleiben) (willst|möchtest|wollen|möchten))",
    ),
    Family(
        "follow-us",
        "share prompt",
        "long",
        ("en", "de", "fr", "es", "it", "nl"),
        r"^(follow us|folge uns|folgen sie uns|suivez-nous|síguenos|siganos|seguici|volg ons|"
        r"join (us|our)|abonnieren sie uns|mira lo que tiene nuestro|check out our|"
        r"besuchen sie uns)\b|\b(únete|unite|join)\b.{0,30}\b(canal|channel|grupo|group) (de |on )?"
        r"(telegram|whatsapp)|tenemos (un )?canal de (telegram|whatsapp)",
    ),
    Family(
        "newsletter-delivery",
        "subscription prompt",
        "long",
        ("en", "de"),
        r"(get (the latest|our|breaking) .{0,40}(delivered|in your inbox|straight to your)|"
        r"(sign up|register) (now |today )?(for free|to (get|receive|read|continue))|"
        r"already a subscriber|subscribe (now|today)|become a (member|subscriber)|^(please |"
        r"help us |you can )?support (our|independent) journalism|"
        r"you have reached your (free )?(article )?limit|this (article|content) is (for|"
        r"only available to) subscribers|sign up for (our|the) [\w ]{0,30}newsletter|"
        r"by signing up,? you agree|thanks for signing up|wählen sie ihren zugang|"
        r"choose your (subscription|plan) to continue|dans votre boîte (mail|e-mail|aux lettres|"
        r"de réception)|lettres? d'information|subskrypc|^benachrichtigung(en)? aktivieren|"
        r"(dürfen|sollen|können) wir sie .{0,50}(benachrichtigen|informieren)\?|"
        r"(beitrag|artikel|text) (stammt|erschien (zuerst )?) (aus|in) (der )?(ausgabe|heft)|"
        r"\b\d+ ausgaben (gratis|kostenlos)|(erhalten sie|sichern sie sich) exklusive angebote|"
        r"(jede|ihre|deine) (kleine )?spende (hilft|zählt)|^(jetzt spenden|donate now|donate today)\b|"
        r"^(please )?(make a donation|spenden sie jetzt)\b)",
    ),
    Family(
        "follow-author",
        "share prompt",
        "long",
        ("en",),
        r"^(follow (\w+ ){1,3}on (twitter|facebook|instagram|linkedin|x)\b|"
        r"have a (news )?tip\b|contact the (author|reporter)|email the (author|reporter)|"
        r"click here to)",
    ),
    Family(
        "newsletter-signup",
        "subscription prompt",
        "long",
        ("en", "de", "fr"),
        r"(sign up for (our|the) newsletter|subscribe to (our|the) newsletter|"
        r"melden sie sich (jetzt )?für (unseren|den) newsletter|abonnez-vous à (notre|"
        r"la) newsletter|abonnieren sie (jetzt |hier )?(kostenlos |gratis )?(unseren|den|die|das)"
        r" [\w-]{0,30}newsletter|newsletter (kostenlos )?(abonnieren|bestellen)|(willige|stimme) ich"
        r" .{0,60}newsletter|suscr[ií]b\w* (aquí |gratis )?a (nuestro|nuestra|el|la) (newsletter|bolet[ií]n)|"
        r"^wir informieren sie regelmäßig)",
    ),
    Family(
        "end-markers",
        "after end of article",
        "marker",
        ("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
        r"^((\d+|one|no|ein|eine|kein|un|une|uno|una)\s+)?(leave a (reply|comment)|post a comment|add a comment|comments?|"
        r"kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze|discussion|"
        r"diskussion|leserpost|leserbriefe?|leserkommentare|reader comments|"
        r"readers'? comments|join the (conversation|discussion)|related( posts| articles|"
        r" stories| content| coverage| topics| reading| links| news| videos)?|more coverage|"
        r"more on this (story|topic)|elsewhere on [\w ]+|you may also like|"
        r"you might also like|(read )?more (related )?(articles|stories|news)|"
        r"read more related articles|(the )?latest (headlines|news|stories)|top headlines|recent from [\w ]+|more (great |top )?([\w.'’]+ ){1,2}stories|recommended( for you)?|more from [\w ]+|"
        r"share this( article| story| post)?|tags?|tagged|about the author|most (read|popular|"
        r"viewed|shared|commented)|trending( now| stories)?|popular (now|stories|posts)|"
        r"editor'?s'? picks|top stories|(from )?around the web|(sponsored|promoted|"
        r"partner) (content|stories|links)|more (news|stories|coverage) on [\w ]+|"
        r"what to read next|read next|up next|über den autor|à propos de l'auteur|"
        r"das könnte sie auch interessieren|weitere artikel|mehr zum thema|ähnliche (artikel|"
        r"beiträge)|lesen sie (auch|mehr)|à lire aussi|sur le même sujet|"
        r"noticias relacionadas|articoli correlati|leggi anche|zobacz też|lees ook|"
        r"relacionad[oa]s|articles liés|saiba mais|seguí leyendo|sigue leyendo|"
        r"más sobre [\w ]+|while you('re| are) here|autor(in)?|author|der autor|die autorin|"
        r"über die autorin|sobre el autor|l'autore|à propos de l'auteur|most clicked|"
        r"meist(geklickte|gelesene|kommentierte|geteilte) (beiträge|artikel|nachrichten|"
        r"news))\s*[:(\d)]*$",
    ),
    Family(
        "inline-markers",
        "related-posts block",
        "marker",
        ("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
        r"^(related( posts| articles| stories| content| coverage| reading| links| news)?|"
        r"recommended( for you)?|(read|see) (more|also|next)|more on this (story|topic)|"
        r"share this( article| story| post)?|lesen sie (auch|mehr)|mehr zum thema|"
        r"das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|"
        r"leggi anche|lea también|lee también|seguí leyendo|sigue leyendo|saiba mais|"
        r"zobacz też|lees ook|weitere artikel)\b",
    ),
    Family(
        "consent-opening",
        "cookie notice",
        "opening",
        ("en", "de", "fr", "es", "it", "nl"),
        r"^(we (and our (\d+ )?partners )?use cookies|we use (cookies|technologies) (and|to)|"
        r"this (web)?site uses cookies|by (using|continuing to (use|browse)) (this|our) "
        r"(site|website)|wir (verwenden|nutzen|setzen) cookies|diese (web)?seite (verwendet|nutzt) "
        r"cookies|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|"
        r"este sitio (web )?utiliza cookies|questo sito utilizza (i )?cookie|"
        r"we gebruiken cookies)",
    ),
)
