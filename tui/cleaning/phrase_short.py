"""Phrase families for short lines (menu items, prompts, notices of at most a dozen words); see `phrase_data`."""

from __future__ import annotations

from .phrase_family import Family

SHORT: tuple[Family, ...] = (
    Family(
        "menu-words",
        "navigation",
        "short",
        ("en", "de", "fr", "es", "it"),
        r"^(skip to|jump to|zum inhalt|zur navigation|direkt zum|aller au contenu|"
        r"ir al contenido|vai al contenuto|main menu|navigationspfad|sign in|"
        r"log in|login|logout|anmelden|einloggen|abmelden|registrieren|connexion|"
        r"se connecter|iniciar sesión|accedi|my account|mein konto|back to top|nach oben|"
        r"haut de page|previous (article|post)|next (article|post)|vorheriger artikel|zurück (zu|zum|zur)|"
        r"back to|retour (à|au|aux)|volver a|torna a|"
        r"nächster artikel|older posts|newer posts|show more|"
        r"load more|mehr anzeigen|alle anzeigen|view all|see all|about us|"
        r"über uns|sitemap|faq|schließen|fermer|cerrar|chiudi)\b|^(mehr|more)( themen| topics| zum thema| "
        r"erfahren| infos?| dazu)?\b\W*$|^(menu|menü|navigation|home|startseite|accueil|inicio|search|suche|"
        r"suchen|rechercher|buscar|cerca|register|top|previous|next|zurück|weiter|contact|kontakt|"
        r"help|hilfe|close)\b\W*([^\W\d_]+\W*)?$",
        menu_word=True,
    ),
    Family(
        "share-buttons",
        "share prompt",
        "short",
        ("en", "de", "fr", "es", "it", "pl", "nl"),
        r"^(teilen|artikel teilen|beitrag teilen|partager|compartir|condividi|"
        r"udostępnij|delen|drucken|imprimer|imprimir|stampa|copy link|"
        r"link kopieren|per e-?mail)\b|^(share|tweet|print|e-?mail)\b(\s*:|\W*+(\w++\W*+){0,3}+$)|^([\W\d]*(share|teilen|on|auf|sur|en|via|"
        r"facebook|twitter|x|pinterest|linkedin|xing|reddit|telegram|whatsapp|flipboard|"
        r"tumblr|mastodon|threads|instagram|youtube|e-?mail|messenger|sms|print|"
        r"drucken)\b)+[\W\d]*$|\b(teilen|drucken|share|print|partager|compartir|imprimir|"
        r"condividi)\W*$",
        menu_word=True,
    ),
    Family(
        "download-links",
        "download link",
        "short",
        ("en", "de", "fr", "es"),
        r"\b(als )?pdf (herunterladen|downloaden|download)\b|^download (the |this )?(pdf|transcript|"
        r"script|file|app)\b|^(jetzt |hier )?(kostenlos )?herunterladen\W*$|\bdownload \(\d+([.,]\d+)? ?"
        r"[kmg]b\)\W*$|^télécharger (le|la|ce) |^descargar (el|la|pdf)\b|pdf\s*[|(,]\s*\d+([.,]\d+)? ?[kmg]b\b",
    ),
    Family(
        "read-more-buttons",
        "related-posts block",
        "short",
        ("en", "de", "fr", "es", "it"),
        r"^(weiterlesen|mehr lesen|read more|continue reading|keep reading|lire la suite|leer más|"
        r"seguir leyendo|leggi di più|continua a leggere)( \d+ (minuten|minutes|min\.?))?\W*$|"
        r"^(mirá también|mira también|ver también|vea también|pour approfondir|lire aussi|"
        r"à lire également|leia também|veja também|see also|siehe auch)\W*$",
    ),
    Family(
        "print-pin-shop",
        "share prompt",
        "short",
        ("en", "de"),
        r"\b(rezept|artikel|seite|beitrag|recipe|article|page) (drucken|ausdrucken|print|speichern|"
        r"save)\b|\b(bei|auf) pinterest (speichern|merken)|^pin it\b|\bbesuchen sie unseren "
        r"(fan-?)?shop|^(visit|shop) (our|the) (store|shop)\b|^zum (shop|onlineshop)\b",
    ),
    Family(
        "share-calls",
        "share prompt",
        "short",
        ("en", "de", "fr", "es"),
        r"\b(jetzt|bitte|please|zu|to|it|this|now) (teilen|share|partager|compartir)\W*$|"
        r"\b(canal|kanal|channel)( de| auf| on)? (youtube|telegram|whatsapp)|"
        r"(youtube|instagram|telegram|whatsapp|tiktok)[- ]?(kanal|channel|canal)",
    ),
    Family(
        "subscribe-prompts",
        "subscription prompt",
        "short",
        ("en", "de", "fr", "es", "it", "pl", "pt"),
        r"(subscribe|subscription|newsletter|abonnieren|abonnement|abonnenten|\babo\b|sign up|"
        r"s'abonner|abonnez|suscr[ií]b|iscriviti|abbonati|zapisz się|inscreva|register now|"
        r"jetzt registrieren|free trial|kostenlos testen|get the app|^(hier |"
        r"jetzt )?(kostenlos |gratis )?(anmelden|registrieren)\W*$|^sign up (for free|now)\b|"
        r"^(unterstütze|unterstützen sie) \S+|^support (us|our (work|journalism))\b)",
    ),
    Family(
        "comment-buttons",
        "comment form",
        "short",
        ("en", "de", "fr", "es", "it", "nl", "pl"),
        r"^(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze|"
        r"antworten|répondre|responder|rispondi|gefällt mir|cancel reply|pingback|trackback)\b|"
        r"^(reply|like|melden|report)\b\W*+(\w++\W*+){0,2}+$|^reply to (this )?comment\b|"
        r"^like (us|this (article|story|post|page))\b",
        menu_word=True,
    ),
    Family(
        "comment-form-lines",
        "comment form",
        "short",
        ("en", "de", "fr", "es", "it", "nl", "pl"),
        r"(leave a (reply|comment)|post a comment|add a comment|write a comment|"
        r"your email address will not be published|required fields are marked|notify of|"
        r"\d+\s+(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|"
        r"komentarz\w*)\b|kommentar (schreiben|verfassen|abschicken)|^schreibe(n sie)? einen kommentar|save my name|"
        r"submit comment|post comment|laisser un commentaire|deja (un|una) (comentario|"
        r"respuesta)|lascia un commento|you must be logged in|logged in as|"
        r"sie müssen angemeldet sein|\bsays:$|\bsagt:$|\bdit :$)",
    ),
    Family(
        "comment-count-links",
        "comment count",
        "short",
        ("en", "de", "fr", "es", "it", "nl", "pl"),
        r"^\d+\s*(comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|"
        r"komentarz\w*)\b\W*(click to (view|read) (the )?comments\W*)?$",
    ),
    Family(
        "related-links",
        "related-posts block",
        "short",
        ("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
        r"(related (posts?|articles?|stories|content|topics)|you may also like|"
        r"you might also like|read more|read also|also read|more from|more stories|more news|"
        r"recommended|popular posts|most (read|popular|viewed)|trending|weitere artikel|"
        r"das könnte sie auch|auch interessant|auch lesen|mehr zum thema|"
        r"(könnte|dürfte) (dich|sie|euch) (auch )?interessieren|\b(alle folgen|all episodes)\W*$|(may|might) also be interested in|"
        r"\bweitere (pressemitteilungen|meldungen|beiträge)\b|weiteren (spannenden |interessanten )?"
        r"(beitrag|artikel)|(vorschau auf|zum) (den )?nächsten artikel|"
        r"weitere informationen|weiterführende links|das könnte (dich|sie|euch) auch|"
        r"otras noticias|más noticias|informate más|vea también|lea (también|más)|"
        r"mira también|ver más|sigue leyendo|leia (também|mais)|veja também|voir plus|"
        r"en savoir plus|lire plus|plus d'articles|scopri di più|leggi di più|altre notizie|"
        r"see also|see more|learn more|find out more|more on this|more about|top stories|"
        r"latest (news|posts|articles)|neueste (artikel|beiträge)|aktuelle (artikel|beiträge|"
        r"nachrichten)|letzte beiträge|derniers articles|últimas noticias|ultime notizie|"
        r"najnowsze|^mehr (aus|zu|von)\b|lesen sie auch|meistgelesen|ähnliche (artikel|beiträge)|"
        r"verwandte artikel|à lire aussi|lire aussi|lire la suite|voir aussi|"
        r"sur le même sujet|te puede interesar|leer más|noticias relacionadas|leggi anche|"
        r"potrebbe interessarti|articoli correlati|zobacz (też|także|również)|czytaj (też|"
        r"także|więcej)|lees ook|gerelateerd|puedes ver|lee (también|más)|^(>>|»)\s.*\s(<<|"
        r"«)$)",
        menu_word=True,
    ),
    Family(
        "continue-reading",
        "advertisement",
        "short",
        ("en",),
        r"(story continues below|continue reading (below|the main story)|scroll to continue|"
        r"article continues (below|after)|^ad feedback$|^sponsored content|^paid (post|"
        r"content)|^partner content)",
    ),
    Family(
        "page-tools",
        "navigation",
        "short",
        ("en", "de", "fr", "es"),
        r"^(lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura|czas czytania)\b|"
        r"\bprzeczytasz w\b|^(listen to (this )?(article|story)|\d+ min(ute)?s? read|save( article| story)?|"
        r"gift (this )?article|print (this )?(article|page)|text size|font size|toggle|"
        r"open menu|close menu|edition|sections|all sections|watch live|live tv|watch:|video:|"
        r"audio:|podcast:|photos:|gallery:)|^(view image in fullscreen|skip ad|"
        r"reuse this content|view site in reader|collapse this bar|sign me up|"
        r"continue reading|explore more on these topics)$|^(bild (anzeigen|schließen|"
        r"vergrößern)|zum vergrößern|click to enlarge|view (larger )?image|enlarge image|"
        r"beitragsbild|featured image|report abuse|(einen )?missbrauch melden)|"
        r"^(inhaltsverzeichnis|table of contents|contents|inhalt|sommaire|índice)\W*$|"
        r"^(externer inhalt|external content|empfohlener redaktioneller inhalt)\W*$|"
        r"^quellen (anzeigen|ausblenden|einblenden)\b",
        menu_word=True,
    ),
    Family(
        "pagers",
        "navigation",
        "short",
        ("en", "de"),
        r"\b\d+ (bis|-|–) \d+ von (insgesamt )?\d+ \w*\s?angezeigt|^showing \d+\s*[-–]\s*\d+ of \d+\b",
    ),
    Family(
        "related-headings",
        "related-posts block",
        "short",
        ("en",),
        r"^(editor'?s'? picks?|top picks|more (top )?(stories|videos|photos|galleries|podcasts)|"
        r"most shared|most commented|"
        r"trending( now| stories)?|popular (now|today|stories)|don'?t miss|just in|latest|"
        r"recommended (for you|stories|reading)|you might be interested in|around the web|"
        r"from our partners|promoted stories|more in [\w ]+|related coverage|more coverage|"
        r"elsewhere on [\w ]+)$",
    ),
    Family(
        "ad-labels",
        "advertisement",
        "short",
        ("en", "de", "fr", "es", "it", "pl", "nl"),
        r"^(advertisement|advert|advertising|anzeige|werbung|sponsored|promoted|publicité|publicidad|"
        r"pubblicità|reklama|advertentie|discover|shop now|order now|book now|"
        r"click here|hier klicken|jetzt (kaufen|bestellen|buchen|entdecken|testen|sichern)|buch (bestellen|kaufen)|"
        r"get (your|the|our))\b|^(ad|download|buy)\b\W*+(\w++\W*+)?+$|"
        r"^download (our|the)( free)? ([\w-]+ )?app\b|^buy (tickets|online)\b",
        menu_word=True,
    ),
    Family(
        "tag-lines",
        "tags",
        "short",
        ("en", "de", "fr", "es"),
        r"^(tags?|tagged|tagged with|schlagworte?|schlagwörter|stichworte?|themen|étiquettes|"
        r"mots-clés|etiquetas|kategorien?|filed under|posted in)\b|"
        r"^categor(y|ies|ie|ías|ia)\b(\s*[:|]|\W*+(\w++\W*+){0,2}+$)",
        menu_word=True,
    ),
    Family(
        "breadcrumbs",
        "breadcrumb",
        "short",
        ("en", "de", "fr", "es", "it"),
        r"^(you are here|sie sind hier|vous êtes ici|está en|ti trovi in)\b|^(home|startseite|"
        r"start|accueil|inicio|home page|homepage)\s*[>›»/|]|"
        r"^[^>›»]{1,40}([>›»][^>›»]{1,60}){2,}$",
    ),
    Family(
        "cookie-words",
        "cookie notice",
        "short",
        ("en", "de", "fr", "es", "it"),
        r"(^(?=(?:\S++\s*+){1,4}+$)\W*(\S+\s+){0,3}(cookies?\b|datenschutz|privacy|confidentialité|privacidad)|"
        r"ok, ?verstanden|^(accept|"
        r"akzeptieren|accepter|aceptar|accetta|alle akzeptieren|einverstanden|i agree)\b)",
        menu_word=True,
    ),
    Family(
        "legal-footer",
        "copyright",
        "short",
        ("en", "de", "fr", "es", "it"),
        r"(©|\(c\)\s*\d{4}|copyright|all rights reserved|alle rechte vorbehalten|"
        r"tous droits réservés|todos los derechos|tutti i diritti|impressum|imprint|"
        r"mentions légales|aviso legal|terms of (use|service)|nutzungsbedingungen|\bagb\b|"
        r"conditions générales)",
    ),
)
