# The board report and its charts: titles, captions, labels, status words.
# Neutral business register: the reader is never addressed (no "du", no "Sie").
# Typography: „…“ quotes (the PNG composes „ from two commas: the embedded font lacks it), a no-break space before % where a number stands alone.

report-title = CTO-Scorecard
report-as-of = Stand: { $date }
report-as-of-unknown = in diesem Quartal noch keine Umfragerunde abgeschlossen
report-title-a = A · Ausrichtung der Technologiestrategie
report-title-b = B · Engineering-Kultur
report-title-c = C · Interne Kundenzufriedenheit
report-caption-a = von CEO, Geschäftsleitung und Vorstand sehen die Technologiestrategie am Geschäft ausgerichtet
report-caption-b = der Engineers sind zugleich produktiv und zufrieden
report-caption-c = gewichteter CSAT über die betreuten Abteilungen
report-interval = 95-%-KI { $low }–{ $high } · n = { $n }
report-census = alle Eingeladenen haben geantwortet: kein Stichprobenfehler
report-inflection-heading = Technologische Wendepunkte in diesem Quartal
report-inflection-none = In diesem Quartal wurde kein Wendepunkt bewertet
report-more = +{ $n } weitere
report-quadrant-productive-happy = Produktiv & zufrieden
report-quadrant-burnout-risk = Burn-out-Risiko
report-quadrant-friction = Reibung
report-quadrant-neither = Keines von beiden
report-quadrants-heading = Engineers nach Quadrant (produktiv × zufrieden)
report-enps = eNPS { $score }  (95-%-KI { $low } bis { $high }, n = { $n })
report-attrition = Ungewollte Top-Talent-Abgänge, 12 Mon.
report-acceptance = Annahmequote Jobangebote, Quartal
report-at-most = max. { $t }
report-at-least = mind. { $t }
report-breach = verfehlt
report-within = erfüllt
report-groups-heading = CSAT nach Berichtsgruppe (Fehlerbalken = 95-%-KI)
report-weight = Gewicht { $w }
report-fewer-than-k = { $k ->
    [one] weniger als { $k } Antwort
   *[other] weniger als { $k } Antworten
}
report-protects-another = zum Schutz einer kleineren Gruppe
report-no-overall-answers = keine Antworten auf die Gesamtfrage
report-zero-weight = ihr Gewicht ist null
report-left-out = nicht gezählt
report-not-enough = Zu wenige Daten, um diesen Wert zu berechnen
report-no-hr-data = keine HR-Daten
report-lagging-no-headcount = keine Personalzahlen
report-lagging-no-top-talent = keine Top-Talente
report-lagging-no-offers = keine Jobangebote
report-trend-heading = Letzte 8 Quartale
report-changed = Verändert: { $change } ggü. { $quarter }
report-no-real-change = Keine echte Veränderung ggü. { $quarter } ({ $change }; 95-%-KI { $low } bis { $high })
report-cant-tell = Nicht feststellbar ggü. { $quarter } ({ $change }; 95-%-KI { $low } bis { $high })
report-coverage = deckt { $share } des Gewichts ab
report-not-rated-coverage = nicht bewertet: zu wenige Abteilungen berichtet
report-not-comparable = Nicht vergleichbar mit { $quarter } (Gruppen, Gewichte oder Umfrage geändert)
report-points = { " Pkt." }
report-enps-points = { " Pkt." }
report-commentary = Kommentar des CTO
report-method-heading = Methode
report-method-round = „{ $template }“, Version { $version }: { $answered } von { $delivered } beantwortet ({ $rate })
report-method-no-rounds = In diesem Quartal wurde keine Umfragerunde abgeschlossen.
report-method-rules = { $k ->
    [one] Werte aus weniger als { $k } Antwort werden zurückgehalten.
   *[other] Werte aus weniger als { $k } Antworten werden zurückgehalten.
} Intervalle: 95-%-Wilson-Score-Intervall auf der effektiven Stichprobengröße (mit Endlichkeitskorrektur). Zustimmung = 4 oder 5 auf der Skala 1–5.
report-method-weights = CSAT-Gewichte: { $weights }.
report-method-thresholds = Status: A gelb unter { $a } oder bei einem verspäteten Wendepunkt, rot bei einem verpassten; B rot unter { $b_red }, gelb unter { $b_amber }; C rot unter { $c_red } oder bei einer Gruppe unter { $c_group }, gelb unter { $c_amber }.
report-method-doc = Vollständige Methode: docs/methodology.md.
report-board = Vorstand
report-rating-green = GRÜN
report-rating-amber = GELB
report-rating-red = ROT
report-rating-not-rated = NICHT BEWERTET
report-assessment-ahead = voraus
report-assessment-on-time = rechtzeitig
report-assessment-late = verspätet
report-assessment-missed = VERPASST
report-assessment-watching = in Beobachtung
report-confirmation-confirmed = vom Vorstand bestätigt
report-confirmation-unconfirmed = NOCH NICHT vom Vorstand BESTÄTIGT
report-confirmation-disputed = vom Vorstand ANGEFOCHTEN
report-drivers-heading = Wichtigste Treiber
report-fix-first = zuerst angehen

# Each measure's status reason. $value and $threshold are shares; $why says why a figure is missing.
reason-state-unconfirmed = (vom Vorstand noch nicht bestätigt)
reason-state-disputed = (vom Vorstand angefochten)
reason-point-title = „{ $title }“
reason-point-missed = der Wendepunkt { $title } wurde als verpasst bewertet{ $state }
reason-point-late = der Wendepunkt { $title } wurde als verspätet bewertet{ $state }
reason-alignment-low = Ausrichtung liegt bei { $value } (unter { $threshold })
reason-alignment-green = Ausrichtung liegt bei { $value }, kein Wendepunkt verspätet oder verpasst
reason-unavailable-alignment = Ausrichtung nicht verfügbar ({ $why })
reason-unavailable-productive-happy = Anteil produktiv und zufrieden nicht verfügbar ({ $why })
reason-unavailable-weighted-csat = gewichteter CSAT nicht verfügbar ({ $why })
reason-attrition-breach = ungewollte Abgänge von Top-Talenten liegen bei { $value } (über { $threshold })
reason-acceptance-breach = Annahmequote von Jobangeboten liegt bei { $value } (unter { $threshold })
reason-productive-happy-low = { $value } der Engineers sind produktiv und zufrieden (unter { $threshold })
reason-both-lagging = beide nachlaufenden Indikatoren außerhalb ihrer Grenzwerte: { $first } und { $second }
reason-productive-happy-green = { $value } der Engineers sind produktiv und zufrieden, kein nachlaufender Indikator außerhalb seines Grenzwerts
reason-csat-low = gewichteter CSAT liegt bei { $value } (unter { $threshold })
reason-group-low = der CSAT der Gruppe „{ $name }“ liegt bei { $value } (unter { $threshold })
reason-csat-green = gewichteter CSAT liegt bei { $value }
reason-coverage-low = zu wenige Abteilungen berichtet (die enthaltenen Gruppen decken { $share } des Gewichts ab, unter { $threshold })

report-actions-heading = Maßnahmen ({ $total })
report-time-sales = Vertrieb
report-time-marketing = Marketing
report-time-bd = BD
report-time-internal = Intern
report-time-unclassified = Nicht zugeordnet
report-time-title = Wohin die Zeit des CTO geht (Kalender)
report-time-target = Ziel
report-time-versus = Punkte ggü. Ziel

## Warum sich ein Wert nicht berechnen lässt: eine Meldung je Ursache, die die Auswertung nennt.
missing-no-answers = keine Antworten
missing-no-alignment-answers = niemand hat eine Frage zur Ausrichtung beantwortet
missing-no-culture-answers = niemand hat sowohl eine Frage zur Produktivität als auch eine zur Zufriedenheit beantwortet
missing-no-enps-answers = niemand hat die eNPS-Frage beantwortet
missing-no-question = die Vorlage { $template } v{ $version } enthält keine { $role ->
        [csat_overall] Frage zur Gesamtzufriedenheit
        [productivity] Frage zur Produktivität
        [happiness] Frage zur Zufriedenheit
        [enps] eNPS-Frage
       *[alignment] Frage zur Ausrichtung
    }
missing-no-closed-round = keine abgeschlossene { $audience ->
        [internal-csat] Umfrage zur internen Kundenzufriedenheit
        [engineering-culture] Umfrage zur Engineering-Kultur
       *[tech-strategy-alignment] Umfrage zur Ausrichtung der Technologiestrategie
    } im { $quarter }
missing-several-closed-rounds = mehrere abgeschlossene { $audience ->
        [internal-csat] Umfragen zur internen Kundenzufriedenheit
        [engineering-culture] Umfragen zur Engineering-Kultur
       *[tech-strategy-alignment] Umfragen zur Ausrichtung der Technologiestrategie
    } im { $quarter }; die Kennzahl kann keine davon auswählen
missing-not-a-headline = kein Leitwert
missing-no-group = keine Berichtsgruppe { $group }
missing-no-invitation-delivered = es wurde keine Einladung zugestellt
missing-no-headcount-snapshot = keine Erhebung der Zahl der Top-Talente zwischen { $from } und { $to }
missing-zero-headcount = die Zahl der Top-Talente war im gesamten Zeitraum null
missing-no-offers = im Quartal wurde kein Jobangebot angenommen oder abgelehnt
missing-nothing-to-explain = kein Wert, den Treiber erklären könnten
missing-drivers-not-computed = die Runde wurde versiegelt, bevor es Treiberanalysen gab (eine Neuberechnung ihrer Auszählungen holt das nach)
missing-too-few-for-drivers = { $min ->
        [one] weniger als { $min } Person hat jede Frage beantwortet (oder alle gaben dieselbe Antwort)
       *[other] weniger als { $min } Personen haben jede Frage beantwortet (oder alle gaben dieselbe Antwort)
    }
missing-zero-weights = die Gewichte der berichteten Gruppen ergeben zusammen null
missing-no-group-to-weigh = jede Berichtsgruppe wurde zurückgehalten oder hat die Gesamtfrage nicht beantwortet
missing-no-item = die Runde { $template } enthält keine Frage { $item }
missing-no-favourable-share = für { $item } gibt es keinen Zustimmungsanteil
missing-no-sealed-round = keine versiegelte Runde { $template } im { $quarter }
missing-not-measure-headline = { $metric } ist kein Leitwert einer Kennzahl
missing-no-csat-question = { $template } enthält keine CSAT-Frage
