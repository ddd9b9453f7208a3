# The board report and its charts: titles, captions, labels, status words.

report-title = CTO-scorecard
report-as-of = stand per { $date }
report-as-of-unknown = nog geen enquêteronde van dit kwartaal afgesloten
report-title-a = A · Afstemming technologiestrategie
report-title-b = B · Engineeringcultuur
report-title-c = C · Interne klanttevredenheid
report-caption-a = van CEO, directie en board vindt de technologiestrategie afgestemd
report-caption-b = van de engineers is tegelijk productief en tevreden
report-caption-c = gewogen CSAT over de bediende afdelingen
report-interval = 95%-BI { $low }–{ $high } · n = { $n }
report-census = alle genodigden hebben geantwoord: geen steekproeffout
report-inflection-heading = Technologische kantelpunten dit kwartaal
report-inflection-none = Dit kwartaal is geen kantelpunt beoordeeld
report-more = +{ $n } meer
report-quadrant-productive-happy = Productief & tevreden
report-quadrant-burnout-risk = Burn-outrisico
report-quadrant-friction = Frictie
report-quadrant-neither = Geen van beide
report-quadrants-heading = Engineers per kwadrant (productief × tevreden)
report-enps = eNPS { $score }  (95%-BI { $low } tot { $high }, n = { $n })
report-attrition = Betreurd verloop toptalent, 12 mnd.
report-acceptance = Aanbodacceptatie, dit kwartaal
report-at-most = max. { $t }
report-at-least = min. { $t }
report-breach = overschreden
report-within = binnen norm
report-groups-heading = CSAT per rapportagegroep (foutbalk = 95%-BI)
report-weight = gewicht { $w }
report-fewer-than-k = { $k ->
    [one] minder dan { $k } reactie
   *[other] minder dan { $k } reacties
}
report-protects-another = ter bescherming van een kleinere groep
report-no-overall-answers = geen antwoorden op de algemene vraag
report-zero-weight = het gewicht is nul
report-left-out = niet meegeteld
report-not-enough = Onvoldoende gegevens om dit cijfer te berekenen
report-no-hr-data = geen HR-gegevens
report-lagging-no-headcount = geen personeelsaantallen
report-lagging-no-top-talent = geen toptalent
report-lagging-no-offers = geen aanbiedingen
report-trend-heading = Laatste 8 kwartalen
report-changed = Veranderd: { $change } t.o.v. { $quarter }
report-no-real-change = Geen echte verandering t.o.v. { $quarter } ({ $change }; 95%-BI { $low } tot { $high })
report-cant-tell = Niet vast te stellen t.o.v. { $quarter } ({ $change }; 95%-BI { $low } tot { $high })
report-coverage = dekt { $share } van het gewicht
report-not-rated-coverage = geen oordeel: te weinig afdelingen gerapporteerd
report-not-comparable = Niet vergelijkbaar met { $quarter } (groepen, gewichten of enquête gewijzigd)
report-points = { " ptn" }
report-enps-points = { " ptn" }
report-commentary = Toelichting van de CTO
report-method-heading = Methode
report-method-round = ‘{ $template }’, versie { $version }: { $answered } van { $delivered } beantwoord ({ $rate })
report-method-no-rounds = Dit kwartaal is geen enquêteronde afgesloten.
report-method-rules = { $k ->
    [one] Cijfers op basis van minder dan { $k } antwoord worden achtergehouden.
   *[other] Cijfers op basis van minder dan { $k } antwoorden worden achtergehouden.
} Intervallen: 95%-Wilson-score op de effectieve steekproefomvang (met eindige-populatiecorrectie). Positief = 4 of 5 op een schaal van 1–5.
report-method-weights = CSAT-gewichten: { $weights }.
report-method-doc = Volledige methode: docs/methodology.md.
report-method-thresholds = Status: A oranje onder { $a } of bij een te laat kantelpunt, rood bij een gemist kantelpunt; B rood onder { $b_red }, oranje onder { $b_amber }; C rood onder { $c_red } of een groep onder { $c_group }, oranje onder { $c_amber }.
report-board = Board
report-rating-green = GROEN
report-rating-amber = ORANJE
report-rating-red = ROOD
report-rating-not-rated = GEEN OORDEEL
report-assessment-ahead = voorop
report-assessment-on-time = op tijd
report-assessment-late = te laat
report-assessment-missed = GEMIST
report-assessment-watching = in observatie
report-confirmation-confirmed = bevestigd door de board
report-confirmation-unconfirmed = NOG NIET BEVESTIGD door de board
report-confirmation-disputed = BETWIST door de board
report-drivers-heading = Drijfveren
report-fix-first = eerst aanpakken

# Each measure's status reason. $value and $threshold are shares; $why says why a figure is missing.
reason-state-unconfirmed = (nog niet bevestigd door de board)
reason-state-disputed = (betwist door de board)
reason-point-title = '{ $title }'
reason-point-missed = het kantelpunt { $title } is beoordeeld als gemist{ $state }
reason-point-late = het kantelpunt { $title } is beoordeeld als te laat{ $state }
reason-alignment-low = afstemming is { $value } (onder { $threshold })
reason-alignment-green = afstemming is { $value } en geen kantelpunt is te laat of gemist
reason-unavailable-alignment = afstemming is niet beschikbaar ({ $why })
reason-unavailable-productive-happy = het aandeel productief en tevreden is niet beschikbaar ({ $why })
reason-unavailable-weighted-csat = gewogen CSAT is niet beschikbaar ({ $why })
reason-attrition-breach = betreurd verloop van toptalent is { $value } (boven { $threshold })
reason-acceptance-breach = acceptatie van aanbiedingen is { $value } (onder { $threshold })
reason-productive-happy-low = { $value } van de engineers is productief en tevreden (onder { $threshold })
reason-both-lagging = beide achterlopende indicatoren buiten de norm: { $first } en { $second }
reason-productive-happy-green = { $value } van de engineers is productief en tevreden en geen achterlopende indicator is buiten de norm
reason-csat-low = gewogen CSAT is { $value } (onder { $threshold })
reason-group-low = de CSAT van groep '{ $name }' is { $value } (onder { $threshold })
reason-csat-green = gewogen CSAT is { $value }
reason-coverage-low = te weinig afdelingen gerapporteerd (de groepen erin dekken { $share } van het gewicht, onder { $threshold })

report-actions-heading = Acties ({ $total })
report-time-sales = Verkoop
report-time-marketing = Marketing
report-time-bd = BD
report-time-internal = Intern
report-time-unclassified = Niet ingedeeld
report-time-title = Waar de tijd van de CTO heen gaat (agenda)
report-time-target = doel
report-time-versus = Punten t.o.v. doel

## Waarom een cijfer niet te berekenen is: één bericht per oorzaak die de berekening noemt.
missing-no-answers = geen antwoorden
missing-no-alignment-answers = niemand heeft een vraag over afstemming beantwoord
missing-no-culture-answers = niemand heeft zowel een vraag over productiviteit als een over tevredenheid beantwoord
missing-no-enps-answers = niemand heeft de eNPS-vraag beantwoord
missing-no-question = het sjabloon { $template } v{ $version } heeft geen { $role ->
        [csat_overall] vraag over algemene tevredenheid
        [productivity] vraag over productiviteit
        [happiness] vraag over tevredenheid
        [enps] eNPS-vraag
       *[alignment] vraag over afstemming
    }
missing-no-closed-round = geen afgesloten { $audience ->
        [internal-csat] enquête over interne klanttevredenheid
        [engineering-culture] enquête over engineeringcultuur
       *[tech-strategy-alignment] enquête over afstemming van de technologiestrategie
    } in het { $quarter }
missing-several-closed-rounds = meerdere afgesloten { $audience ->
        [internal-csat] enquêtes over interne klanttevredenheid
        [engineering-culture] enquêtes over engineeringcultuur
       *[tech-strategy-alignment] enquêtes over afstemming van de technologiestrategie
    } in het { $quarter }; de maatstaf kan er geen kiezen
missing-not-a-headline = geen kerncijfer
missing-no-group = geen rapportagegroep { $group }
missing-no-invitation-delivered = er is geen uitnodiging bezorgd
missing-no-headcount-snapshot = geen telling van het toptalent tussen { $from } en { $to }
missing-zero-headcount = het aantal toptalenten was de hele periode nul
missing-no-offers = in het kwartaal is geen aanbod aangenomen of afgewezen
missing-nothing-to-explain = geen cijfer om te verklaren
missing-drivers-not-computed = de ronde werd verzegeld voordat er drijfverenanalyses bestonden (de tellingen opnieuw opbouwen berekent ze)
missing-too-few-for-drivers = { $min ->
        [one] minder dan { $min } respondent heeft elke vraag beantwoord (of iedereen gaf hetzelfde antwoord)
       *[other] minder dan { $min } respondenten hebben elke vraag beantwoord (of iedereen gaf hetzelfde antwoord)
    }
missing-zero-weights = de gewichten van de gerapporteerde groepen tellen op tot nul
missing-no-group-to-weigh = elke rapportagegroep werd achtergehouden of had geen antwoorden op de algemene vraag
missing-no-item = de ronde { $template } heeft geen vraag { $item }
missing-no-favourable-share = { $item } heeft geen aandeel positieve antwoorden
missing-no-sealed-round = geen verzegelde ronde { $template } in het { $quarter }
missing-not-measure-headline = { $metric } is geen kerncijfer van een maatstaf
missing-no-csat-question = { $template } heeft geen CSAT-vraag
