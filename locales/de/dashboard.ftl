# Die Inhalte des CTO-Dashboards und der Vorstandsseite: die gemeinsame Scorecard, offene
# Umfragerunden, das Register, die Maßnahmenpläne und die Zeitübersicht.
# Werte kommen bereits in deutscher Schreibweise an (Anteile, Dezimalkomma); Anzahlen ($n,
# $answered, …) sind Zahlen, damit die Pluralform passt. Staff werden mit „Sie“ angesprochen.

## Das CTO-Dashboard

dash-title = CTO-Dashboard
dash-time-heading = Wohin Ihre Zeit fließt
dash-time-none = Noch kein Kalender importiert.
dash-time-link = Kalender importieren sowie alle Termine und die Regel ansehen, nach der sie zugeordnet wurden
dash-open-heading = Offene Umfragerunden
dash-open-none = Derzeit ist keine Umfragerunde offen.
dash-commentary-heading = Kommentar für das { $quarter }
dash-commentary-label = Erscheint im Vorstandsbericht (höchstens 600 Zeichen)
dash-commentary-save = Kommentar speichern
dash-point-heading = Wendepunkt hinzufügen
dash-point-title = Titel
dash-point-first-seen = Erstmals erkannt (Quartal)
dash-point-description = Beschreibung
dash-point-add = Hinzufügen

## Die Vorstandsseite

dash-board-title = Vorstand
dash-board-heading = Vorstand: Wie steht der CTO da?
dash-board-report = Quartalsbericht
dash-board-pack = Unterlagen für den Vorstand (PDF: Bericht, Methode, Fragen je Gruppe, Register, Zeitaufteilung und Maßnahmen):
dash-board-download = Herunterladen:
dash-board-png-in = PNG auf
dash-board-open-full = Bericht in voller Größe öffnen
dash-board-report-alt = Der Quartalsbericht für den Vorstand, { $quarter }; dieselben Werte stehen in den Karten darunter.
dash-board-time-note = Aus dem Kalender des CTO, verglichen mit der Aufteilung aus dem Artikel (70 % nach außen, 30 % nach innen). Nur Quartalsanteile.

## Die Scorecard

dash-jump-label = Auf dieser Seite
dash-jump = Springen zu:
dash-measures = Kennzahlen
dash-as-of = Stand: { $date }
dash-commentary-by = — der CTO
dash-last-eight = Letzte acht Quartale
dash-col-quarter = Quartal
dash-col-value = Wert
dash-groups-region = Berichtsgruppen, { $round }
dash-groups-caption = Berichtsgruppen
dash-col-group = Gruppe
dash-col-weight = Gewicht
dash-col-answered = Beantwortet
dash-col-csat = CSAT
dash-col-change = Veränderung zum Vorquartal
dash-items-region = Fragen, { $round }
dash-items-caption = Fragen, alle Gruppen
dash-col-question = Frage
dash-col-result = Ergebnis
dash-col-distribution = Verteilung
dash-drivers-heading = Was das Ergebnis treibt
dash-drivers-intro = Der Anteil jeder Frage an dem, was die Antworten über das Ergebnis erklären (Shapley-Zerlegung von R²; 95-%-Bootstrap-Intervalle). Fragen mit überdurchschnittlichem Anteil und unterdurchschnittlicher Zustimmung sind mit „Zuerst angehen“ markiert. Siehe docs/methodology.md.
dash-drivers-region = Treiber, { $title }
dash-col-item = Frage
dash-col-explained = Anteil an der Erklärung (R²-Anteil; 95 %)
dash-col-explained-short = Anteil an der Erklärung
dash-col-favourable = Zustimmung
dash-col-priority = Priorität
dash-drivers-chart = Wichtigkeit gegen Zustimmung; die Nummern entsprechen der Tabelle
dash-comments = Kommentare
dash-comments-none = Keine Kommentare, die die Schwelle erreichen.
dash-comments-all = Alle Kommentare anzeigen
dash-comments-sample = { $shown } von { $total } Kommentaren angezeigt: bis zu { $per } je Gruppe und Frage, zufällig ausgewählt.
dash-no-round = Noch keine Umfragerunde ist abgeschlossen. Die Ergebnisse erscheinen hier, sobald die erste Runde endet.

dash-measure-a = Ausrichtung der Technologiestrategie
dash-measure-b = Engineering-Kultur: produktiv und zufrieden
dash-measure-c = Interne Kundenzufriedenheit (gewichtet)
dash-trend-a = Ausrichtung der Technologiestrategie, letzte acht Quartale; die Werte stehen in der Tabelle darunter
dash-trend-b = Produktiv und zufrieden, letzte acht Quartale; die Werte stehen in der Tabelle darunter
dash-trend-c = Gewichtete interne Kundenzufriedenheit, letzte acht Quartale; die Werte stehen in der Tabelle darunter
dash-rating-green = Grün
dash-rating-amber = Gelb
dash-rating-red = Rot
dash-rating-not-rated = Nicht bewertet

dash-census = alle { $n } Eingeladenen haben geantwortet (kein Stichprobenfehler)
dash-interval = 95-%-Intervall { $low }–{ $high }, n = { $n }
dash-withheld = zurückgehalten: { $reason }
dash-not-enough = zu wenige Daten: { $reason }
dash-withheld-paren = zurückgehalten ({ $reason })
dash-not-enough-paren = zu wenige Daten ({ $reason })
dash-withheld-word = zurückgehalten
dash-no-data = keine Daten
dash-fewer-than-k = { $k ->
    [one] weniger als { $k } Antwort
   *[other] weniger als { $k } Antworten
}
dash-protects-another = zurückgehalten, damit sich eine kleinere zurückgehaltene Gruppe nicht aus der Summe errechnen lässt
dash-below-comment-threshold = { $threshold ->
    [one] Kommentare brauchen mindestens { $threshold } Antwort in der Gruppe
   *[other] Kommentare brauchen mindestens { $threshold } Antworten in der Gruppe
}
dash-coverage = Deckt { $share } des Gewichts ab
dash-coverage-low = Deckt { $share } des Gewichts ab, weniger als die { $threshold }, die für eine Bewertung nötig sind
dash-across-reported = { $value } über die Gruppen, die berichtet haben; { $interval }
dash-enps = eNPS
dash-enps-value = { $score } (95-%-Intervall { $low } bis { $high }, n = { $n })
dash-quadrants = Quadranten
dash-quadrants-value = { $happy } produktiv & zufrieden · { $burnout } Burn-out-Risiko · { $friction } Reibung · { $neither } keines von beiden
dash-attrition = Ungewollte Top-Talent-Abgänge
dash-acceptance = Annahmequote von Jobangeboten
dash-ratio = { $share } ({ $numerator } von { $denominator })
dash-breached-above = überschritten: über der Grenze von { $limit }
dash-breached-below = unterschritten: unter der Grenze von { $limit }
dash-within-above = innerhalb der Grenze (kritisch über { $limit })
dash-within-below = innerhalb der Grenze (kritisch unter { $limit })
dash-breach-above = kritisch über { $limit }
dash-breach-below = kritisch unter { $limit }
dash-group-weight = { $csat } (Gewicht { $weight })
dash-left-out = nicht gezählt: { $why }
dash-top-drivers = Wichtigste Treiber
dash-round-participation = { $answered } von { $delivered } Eingeladenen haben geantwortet ({ $rate }); k = { $k }
dash-group-participation = { $answered } von { $delivered } ({ $rate })
dash-item-favourable-mean = { $favourable } Zustimmung, Mittelwert { $mean }, n = { $n }
dash-item-mean = Mittelwert { $mean }, n = { $n }
dash-item-n = n = { $n }
dash-distribution = Verteilung: { $counts }
dash-comments-withheld = { $n ->
    [one] Die Kommentare von { $n } Gruppe werden zurückgehalten: weniger Antworten als die Kommentarschwelle.
   *[other] Die Kommentare von { $n } Gruppen werden zurückgehalten: weniger Antworten als die Kommentarschwelle.
}
dash-roster-changed = { $n ->
    [one] { $template }: Die Teilnehmerliste wurde in den 7 Tagen vor dem Start einmal geändert ({ $date }). Bitte prüfen Sie das Protokoll.
   *[other] { $template }: Die Teilnehmerliste wurde in den 7 Tagen vor dem Start { $n }-mal geändert ({ $date }). Bitte prüfen Sie das Protokoll.
}

## Veränderungen gegenüber einem früheren Quartal ($change, $low und $high sind Punkte mit Vorzeichen)

dash-change-interval = { $change } Punkte (95-%-Intervall { $low } bis { $high }; korrigiertes p { $p })
dash-p-below = < { $p }
dash-p-equal = = { $p }
dash-change-changed = Verändert seit dem { $quarter }: { $interval }
dash-change-no-real = Keine echte Veränderung seit dem { $quarter }: { $interval }, innerhalb von ±10 Punkten
dash-change-cant-tell = Nicht feststellbar seit dem { $quarter }: { $interval }
dash-change-not-comparable = Nicht vergleichbar mit dem { $quarter }: { $reason }
change-why-template = die Umfrage hat sich geändert (damals Version { $from }, jetzt { $to })
change-why-new-group = die frühere Runde hatte keine Gruppe { $group }
change-why-groups = die ausgewerteten Gruppen sind andere (damals { $before }; jetzt { $after })
change-why-weights = die Gewichte der Gruppen sind andere

## Treiber

dash-priority-fix-first = Zuerst angehen
dash-priority-keep-up = Weiter so
dash-priority-lower = Geringere Priorität
dash-priority-overkill = Möglicherweise zu viel Aufwand
dash-engineers = Engineers
dash-driver-title = { $whose }: Was „{ $outcome }“ treibt
dash-driver-fit = { $n ->
    [one] R² = { $r2 } (95 % { $low }–{ $high }) über { $n } Person, die jede Frage beantwortet hat
   *[other] R² = { $r2 } (95 % { $low }–{ $high }) über { $n } Personen, die jede Frage beantwortet haben
}
dash-importance = { $share } ({ $estimate }; 95 % { $low }–{ $high })
dash-not-shown = Nicht angezeigt: { $reason }.
dash-not-computed = Nicht berechnet: { $reason }.
dash-drivers-predate = Nicht berechnet: Die Runde wurde versiegelt, bevor es Treiberanalysen gab (eine Neuberechnung ihrer Auszählungen holt das nach).
dash-top-driver = { $whose }: { $item } (erklärt { $share } der Streuung)
dash-top-driver-fix = { $whose }: { $item } (erklärt { $share } der Streuung; zuerst angehen)
dash-matrix-x = Zustimmung
dash-matrix-y = Anteil an der Erklärung
dash-matrix-title = Zuerst angehen ↖ — { $group }

## Offene Umfragerunden

dash-open-summary = { $counts }; endet am { $date }
dash-open-summary-at = { $counts }, Stand { $time } UTC; endet am { $date }
dash-open-counts = { $answered } von { $delivered } haben geantwortet ({ $rate })
dash-open-invited = { $invited } eingeladen; { $why }
dash-open-fewer-than-k = zurückgehalten: Diese Gruppe hat weniger als { $k } Einladungen (k = { $k })
dash-open-protects = zurückgehalten: Angezeigt ließe sich daraus die Zahl einer kleineren Gruppe errechnen
dash-open-round-below-k = zurückgehalten: Diese Runde hat weniger als { $k } Einladungen (k = { $k })
dash-open-strict = zurückgehalten: Der strenge Modus ist aktiv; den Fortschritt je Gruppe sieht nur die Administration
dash-open-not-counted = Die Zahlen werden zu jeder vollen Stunde erhoben; zum ersten Mal um { $hour }:00 UTC

## Das Register der Wendepunkte

dash-register = Register der Wendepunkte
dash-register-none = Noch keine Wendepunkte.
dash-col-point = Wendepunkt
dash-col-assessment = Bewertung
dash-col-board = Vorstand
dash-col-action = Aktion
dash-first-seen = erstmals erkannt im { $quarter }
dash-not-assessed = nicht bewertet
dash-note = Notiz
dash-note-placeholder = Notiz
dash-note-dispute = Notiz (zum Anfechten nötig)
dash-assess = Bewerten
dash-confirm = Bestätigen
dash-dispute = Anfechten
dash-assessment-ahead = voraus
dash-assessment-on-time = rechtzeitig
dash-assessment-watching = in Beobachtung
dash-assessment-late = verspätet
dash-assessment-missed = verpasst
dash-confirmation-confirmed = bestätigt
dash-confirmation-unconfirmed = unbestätigt
dash-confirmation-disputed = angefochten

## Maßnahmenpläne

dash-actions = Maßnahmen
dash-plans-heading = Maßnahmenpläne
dash-plans-intro = Was der CTO aufgrund der Werte versiegelter Runden unternimmt. Die Administration erfasst und aktualisiert die Maßnahmen; die Werte, denen sie folgen, stehen im CTO-Dashboard und auf der Vorstandsseite.
dash-actions-none = Noch keine Maßnahme erfasst.
dash-actions-none-edit = Erfassen Sie unten eine, sobald eine Runde versiegelt ist.
dash-actions-moved = Erledigt – und hat es etwas bewegt?
dash-actions-no-later = noch kein späteres Quartal zum Vergleich
dash-action-meta = { $status } · verantwortlich: { $owner } · fällig { $due }
dash-action-answers = Bezieht sich auf { $about }
dash-action-round = { $survey } ({ $quarter })
dash-action-follow = Verlauf von { $title }
dash-col-linked = Verknüpfter Wert
dash-action-status = Status
dash-action-due = Fällig
dash-action-owner = Verantwortlich
dash-action-update = Aktualisieren
dash-action-record = Maßnahme erfassen
dash-action-none-sealed = Maßnahmen beziehen sich auf die Werte einer versiegelten Runde; noch ist keine versiegelt.
dash-action-target = Worauf sie sich bezieht
dash-action-title-hint = Was getan wird, in einem Satz (höchstens 200 Zeichen). Pflicht in dieser Sprache: { $language }; wer eine fehlende Sprache spricht, liest diese Fassung.
dash-action-due-quarter = Fällig (Quartal)
dash-action-title-in = Titel ({ $language })
dash-action-note-in = Öffentliche Notiz ({ $language })
dash-action-note-hint = Öffentliche Notizen: höchstens 500 Zeichen je Sprache. Wer eine Maßnahme verwirft, muss eine Notiz in dieser Sprache angeben: { $language }.
dash-action-submit = Maßnahme erfassen
dash-status-planned = Geplant
dash-status-in-progress = In Arbeit
dash-status-done = Erledigt
dash-status-dropped = Verworfen
dash-link-alignment = Ausrichtung (Kennzahl A)
dash-link-productive-happy = Produktiv und zufrieden (Kennzahl B)
dash-link-enps = eNPS (Kennzahl B)
dash-link-weighted-csat = Gewichteter CSAT (Kennzahl C)
dash-link-group = CSAT { $group }
dash-link-item = „{ $item }“
dash-link-item-in = „{ $item }“ in { $group }
dash-link-driver = Treiber „{ $item }“ ({ $whose })
dash-link-engineers = Engineers
dash-follow-share = { $value } (95 % { $low }–{ $high }, n = { $n })
dash-follow-points = { $value } (95 % { $low } bis { $high }, n = { $n })
dash-follow-none = kein Wert ({ $reason })

## Die Zeitübersicht

dash-time-region = Zeitaufteilung { $quarter }
dash-time-caption = { $quarter }: { $hours } h Arbeitszeit
dash-col-category = Kategorie
dash-col-hours = Stunden
dash-col-share = Anteil
dash-col-target = Ziel
dash-col-deviation = Abweichung (Punkte)
dash-time-internal = Intern
dash-time-internal-engineering = Engineering & Produkt
dash-time-internal-executive = CEO, Geschäftsleitung, Vorstand
