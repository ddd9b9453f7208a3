# De inhoud van het CTO-dashboard en de pagina van de raad van bestuur: de gedeelde scorecard,
# open rondes, het register, de actieplannen en het tijdsoverzicht.
# Cijfers komen al in Nederlandse schrijfwijze binnen (aandelen, decimale komma); aantallen ($n,
# $answered, …) zijn getallen, zodat de meervoudsvorm klopt. Staff spreken we aan met "je".

## Het CTO-dashboard

dash-title = CTO-dashboard
dash-time-heading = Waar je tijd heen gaat
dash-time-none = Nog geen agenda geïmporteerd.
dash-time-link = Importeer een agenda en bekijk elke afspraak en de regel die haar indeelde
dash-open-heading = Open rondes
dash-open-none = Er is geen ronde open.
dash-commentary-heading = Toelichting voor het { $quarter }
dash-commentary-label = Staat in het bestuursrapport (hoogstens 600 tekens)
dash-commentary-save = Toelichting opslaan
dash-point-heading = Kantelpunt toevoegen
dash-point-title = Titel
dash-point-first-seen = Voor het eerst gezien (kwartaal)
dash-point-description = Beschrijving
dash-point-add = Toevoegen

## De pagina van de raad van bestuur

dash-board-title = Raad van bestuur
dash-board-heading = Raad van bestuur: hoe doet de CTO het?
dash-board-report = Kwartaalrapport
dash-board-pack = Bestuurspakket (pdf: het rapport, de methode, vragen per groep, het register, de tijdsverdeling en de acties):
dash-board-download = Downloaden:
dash-board-png-in = PNG in het
dash-board-open-full = Rapport op ware grootte openen
dash-board-report-alt = Het kwartaalrapport voor de raad van bestuur, { $quarter }; dezelfde cijfers staan in de kaarten hieronder.
dash-board-time-note = Uit de agenda van de CTO, vergeleken met de verdeling uit het artikel (70% buiten, 30% binnen). Alleen kwartaalaandelen.

## De scorecard

dash-jump-label = Op deze pagina
dash-jump = Ga naar:
dash-measures = Meetpunten
dash-as-of = stand { $date }
dash-commentary-by = — de CTO
dash-last-eight = Laatste acht kwartalen
dash-col-quarter = Kwartaal
dash-col-value = Waarde
dash-groups-region = Rapportagegroepen, { $round }
dash-groups-caption = Rapportagegroepen
dash-col-group = Groep
dash-col-weight = Gewicht
dash-col-answered = Geantwoord
dash-col-csat = CSAT
dash-col-change = Verandering sinds vorig kwartaal
dash-items-region = Vragen, { $round }
dash-items-caption = Vragen, alle groepen
dash-col-question = Vraag
dash-col-result = Uitkomst
dash-col-distribution = Verdeling
dash-drivers-heading = Wat de uitkomst drijft
dash-drivers-intro = Het aandeel van elke vraag in wat de antwoorden over de uitkomst verklaren (Shapley-decompositie van R²; 95%-bootstrapintervallen). Vragen boven een gelijk aandeel met een ondergemiddeld aandeel positieve antwoorden zijn gemarkeerd met ‘Eerst aanpakken’. Zie docs/methodology.md.
dash-drivers-region = Drijfveren, { $title }
dash-col-item = Vraag
dash-col-explained = Aandeel in de verklaring (deel van R²; 95%)
dash-col-explained-short = Aandeel in de verklaring
dash-col-favourable = Positief
dash-col-priority = Prioriteit
dash-drivers-chart = Belang tegenover aandeel positief; de nummers komen overeen met de tabel
dash-comments = Opmerkingen
dash-comments-none = Geen opmerkingen die de drempel halen.
dash-comments-all = Alle opmerkingen tonen
dash-comments-sample = { $shown } van { $total } opmerkingen getoond: tot { $per } per groep en vraag, willekeurig gekozen.
dash-no-round = Er is nog geen ronde afgesloten. De resultaten verschijnen hier zodra de eerste ronde sluit.

dash-measure-a = Afstemming technologiestrategie
dash-measure-b = Engineeringcultuur: productief en tevreden
dash-measure-c = Interne klanttevredenheid (gewogen)
dash-trend-a = Afstemming technologiestrategie, laatste acht kwartalen; de cijfers staan in de tabel hieronder
dash-trend-b = Productief en tevreden, laatste acht kwartalen; de cijfers staan in de tabel hieronder
dash-trend-c = Gewogen interne klanttevredenheid, laatste acht kwartalen; de cijfers staan in de tabel hieronder
dash-rating-green = Groen
dash-rating-amber = Oranje
dash-rating-red = Rood
dash-rating-not-rated = Niet beoordeeld

dash-census = alle { $n } genodigden hebben geantwoord (geen steekproeffout)
dash-interval = 95%-interval { $low }–{ $high }, n = { $n }
dash-withheld = achtergehouden: { $reason }
dash-not-enough = te weinig gegevens: { $reason }
dash-withheld-paren = achtergehouden ({ $reason })
dash-not-enough-paren = te weinig gegevens ({ $reason })
dash-withheld-word = achtergehouden
dash-no-data = geen gegevens
dash-fewer-than-k = { $k ->
    [one] minder dan { $k } antwoord
   *[other] minder dan { $k } antwoorden
}
dash-protects-another = achtergehouden zodat een kleinere achtergehouden groep niet uit het totaal te herleiden is
dash-below-comment-threshold = { $threshold ->
    [one] opmerkingen vragen minstens { $threshold } antwoord in de groep
   *[other] opmerkingen vragen minstens { $threshold } antwoorden in de groep
}
dash-coverage = Dekt { $share } van het gewicht
dash-coverage-low = Dekt { $share } van het gewicht, minder dan de { $threshold } die nodig is voor een beoordeling
dash-across-reported = { $value } over de groepen die rapporteerden; { $interval }
dash-enps = eNPS
dash-enps-value = { $score } (95%-interval { $low } tot { $high }, n = { $n })
dash-quadrants = Kwadranten
dash-quadrants-value = { $happy } productief & tevreden · { $burnout } burn-outrisico · { $friction } frictie · { $neither } geen van beide
dash-attrition = Betreurd verloop toptalent
dash-acceptance = Acceptatie van aanbiedingen
dash-ratio = { $share } ({ $numerator } van { $denominator })
dash-breached-above = overschreden: boven de grens van { $limit }
dash-breached-below = onderschreden: onder de grens van { $limit }
dash-within-above = binnen de grens (kritiek boven { $limit })
dash-within-below = binnen de grens (kritiek onder { $limit })
dash-breach-above = kritiek boven { $limit }
dash-breach-below = kritiek onder { $limit }
dash-group-weight = { $csat } (gewicht { $weight })
dash-left-out = niet meegeteld: { $why }
dash-top-drivers = Belangrijkste drijfveren
dash-round-participation = { $answered } van { $delivered } genodigden hebben geantwoord ({ $rate }); k = { $k }
dash-group-participation = { $answered } van { $delivered } ({ $rate })
dash-item-favourable-mean = { $favourable } positief, gemiddelde { $mean }, n = { $n }
dash-item-mean = gemiddelde { $mean }, n = { $n }
dash-item-n = n = { $n }
dash-distribution = verdeling: { $counts }
dash-comments-withheld = { $n ->
    [one] De opmerkingen van { $n } groep worden achtergehouden: minder antwoorden dan de drempel voor opmerkingen.
   *[other] De opmerkingen van { $n } groepen worden achtergehouden: minder antwoorden dan de drempel voor opmerkingen.
}
dash-roster-changed = { $n ->
    [one] { $template }: de deelnemerslijst is in de 7 dagen voor de start één keer gewijzigd ({ $date }). Controleer de auditlog.
   *[other] { $template }: de deelnemerslijst is in de 7 dagen voor de start { $n } keer gewijzigd ({ $date }). Controleer de auditlog.
}

## Veranderingen sinds een eerder kwartaal ($change, $low en $high zijn punten met teken)

dash-change-interval = { $change } punten (95%-interval { $low } tot { $high }; gecorrigeerde p { $p })
dash-p-below = < { $p }
dash-p-equal = = { $p }
dash-change-changed = Veranderd sinds het { $quarter }: { $interval }
dash-change-no-real = Geen echte verandering sinds het { $quarter }: { $interval }, binnen ±10 punten
dash-change-cant-tell = Niet vast te stellen sinds het { $quarter }: { $interval }
dash-change-not-comparable = Niet vergelijkbaar met het { $quarter }: { $reason }
change-why-template = de vragenlijst is veranderd (toen versie { $from }, nu { $to })
change-why-new-group = de eerdere ronde had geen groep { $group }
change-why-groups = de gerapporteerde groepen verschillen (toen { $before }; nu { $after })
change-why-weights = de gewichten van de groepen verschillen

## Drijfveren

dash-priority-fix-first = Eerst aanpakken
dash-priority-keep-up = Zo doorgaan
dash-priority-lower = Lagere prioriteit
dash-priority-overkill = Mogelijk overdreven
dash-engineers = Engineers
dash-driver-title = { $whose }: wat ‘{ $outcome }’ drijft
dash-driver-fit = { $n ->
    [one] R² = { $r2 } (95% { $low }–{ $high }) over { $n } respondent die elke vraag beantwoordde
   *[other] R² = { $r2 } (95% { $low }–{ $high }) over { $n } respondenten die elke vraag beantwoordden
}
dash-importance = { $share } ({ $estimate }; 95% { $low }–{ $high })
dash-not-shown = Niet getoond: { $reason }.
dash-not-computed = Niet berekend: { $reason }.
dash-drivers-predate = Niet berekend: de ronde werd verzegeld voordat er drijfverenanalyses bestonden (de tellingen opnieuw opbouwen berekent ze).
dash-top-driver = { $whose }: { $item } (verklaart { $share } van de spreiding)
dash-top-driver-fix = { $whose }: { $item } (verklaart { $share } van de spreiding; eerst aanpakken)
dash-matrix-x = aandeel positief
dash-matrix-y = aandeel in de verklaring
dash-matrix-title = Eerst aanpakken ↖ — { $group }

## Open rondes

dash-open-summary = { $counts }; sluit op { $date }
dash-open-summary-at = { $counts }, stand { $time } UTC; sluit op { $date }
dash-open-counts = { $answered } van { $delivered } hebben geantwoord ({ $rate })
dash-open-invited = { $invited } uitgenodigd; { $why }
dash-open-fewer-than-k = achtergehouden: deze groep heeft minder dan { $k } uitnodigingen (k = { $k })
dash-open-protects = achtergehouden: getoond zou het aantal van een kleinere groep door aftrekken te herleiden zijn
dash-open-round-below-k = achtergehouden: deze ronde heeft minder dan { $k } uitnodigingen (k = { $k })
dash-open-strict = achtergehouden: de strikte modus staat aan; de voortgang per groep is alleen voor beheerders
dash-open-not-counted = de aantallen worden aan het begin van elk uur geteld; de eerste telling is om { $hour }:00 UTC

## Het register van kantelpunten

dash-register = Register van kantelpunten
dash-register-none = Nog geen kantelpunten.
dash-col-point = Kantelpunt
dash-col-assessment = Beoordeling
dash-col-board = Raad van bestuur
dash-col-action = Actie
dash-first-seen = voor het eerst gezien { $quarter }
dash-not-assessed = niet beoordeeld
dash-note = Notitie
dash-note-placeholder = notitie
dash-note-dispute = notitie (nodig om te betwisten)
dash-assess = Beoordelen
dash-confirm = Bevestigen
dash-dispute = Betwisten
dash-assessment-ahead = voorop
dash-assessment-on-time = op tijd
dash-assessment-watching = in observatie
dash-assessment-late = te laat
dash-assessment-missed = gemist
dash-confirmation-confirmed = bevestigd
dash-confirmation-unconfirmed = onbevestigd
dash-confirmation-disputed = betwist

## Actieplannen

dash-actions = Acties
dash-plans-heading = Actieplannen
dash-plans-intro = Wat de CTO doet met de cijfers van verzegelde rondes. Beheerders leggen de acties vast en werken ze bij; de cijfers die ze volgen, staan op het CTO-dashboard en de pagina van de raad van bestuur.
dash-actions-none = Nog geen actie vastgelegd.
dash-actions-none-edit = Leg er hieronder een vast zodra een ronde verzegeld is.
dash-actions-moved = Afgerond, en heeft het iets opgeleverd?
dash-actions-no-later = nog geen later kwartaal om mee te vergelijken
dash-action-meta = { $status } · eigenaar { $owner } · gepland voor { $due }
dash-action-answers = Gaat over { $about }
dash-action-round = { $survey } ({ $quarter })
dash-action-follow = Opvolging van { $title }
dash-col-linked = Gekoppeld cijfer
dash-action-status = Status
dash-action-due = Gepland voor
dash-action-owner = Eigenaar
dash-action-update = Bijwerken
dash-action-record = Actie vastleggen
dash-action-none-sealed = Acties gaan over de cijfers van een verzegelde ronde; er is er nog geen verzegeld.
dash-action-target = Waar de actie over gaat
dash-action-title-hint = Wat er gebeurt, in één zin (hoogstens 200 tekens). Verplicht in deze taal: { $language }; wie een ontbrekende taal spreekt, leest die versie.
dash-action-due-quarter = Gepland voor (kwartaal)
dash-action-title-in = Titel ({ $language })
dash-action-note-in = Openbare notitie ({ $language })
dash-action-note-hint = Openbare notities: hoogstens 500 tekens per taal. Laten vallen vraagt er een in deze taal: { $language }.
dash-action-submit = Actie vastleggen
dash-status-planned = Gepland
dash-status-in-progress = Bezig
dash-status-done = Afgerond
dash-status-dropped = Geschrapt
dash-link-alignment = Afstemming (meetpunt A)
dash-link-productive-happy = Productief en tevreden (meetpunt B)
dash-link-enps = eNPS (meetpunt B)
dash-link-weighted-csat = Gewogen CSAT (meetpunt C)
dash-link-group = CSAT { $group }
dash-link-item = ‘{ $item }’
dash-link-item-in = ‘{ $item }’ bij { $group }
dash-link-driver = Drijfveer ‘{ $item }’ ({ $whose })
dash-link-engineers = engineers
dash-follow-share = { $value } (95% { $low }–{ $high }, n = { $n })
dash-follow-points = { $value } (95% { $low } tot { $high }, n = { $n })
dash-follow-none = geen cijfer ({ $reason })

## Het tijdsoverzicht

dash-time-region = Tijdsverdeling { $quarter }
dash-time-caption = { $quarter }: { $hours } uur werktijd
dash-col-category = Categorie
dash-col-hours = Uren
dash-col-share = Aandeel
dash-col-target = Doel
dash-col-deviation = Afwijking (punten)
dash-time-internal = Intern
dash-time-internal-engineering = engineering & product
dash-time-internal-executive = CEO, directie, raad van bestuur
