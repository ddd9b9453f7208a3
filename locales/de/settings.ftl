# Die Einstellungsseiten: Abteilungen und Gewichte, Benutzerkonten und ein einmal angezeigtes
# Passwort, Zeitpläne und das Audit-Protokoll. Anrede mit „Sie“.

## Abteilungen und Gewichte

dep-intro = Kennzahl C, der interne CSAT, gewichtet die Zufriedenheit jeder Abteilung mit diesen Gewichten. Es kommt nur auf ihr Verhältnis an: 35 / 100 und 7 / 20 sind dasselbe.
dep-notice = Laufende und abgeschlossene Runden behalten die Gewichte, mit denen sie gestartet wurden. Eine Änderung hier gilt für Runden, die ab jetzt gestartet werden; vergangene Quartale ändern sich nicht.
dep-col-department = Abteilung
dep-col-weight = CSAT-Gewicht
dep-col-share = Aktueller Anteil
dep-help = Zahlen von 0 bis 1000; mindestens eine davon über 0. Der Vorstand ist eine Zielgruppe, keine Abteilung: Er hat kein Gewicht.
dep-save = Gewichte speichern
dep-none-changed = Kein Gewicht wurde geändert.
dep-changed = { $n ->
    [one] { $n } Gewicht geändert. Runden, die ab jetzt gestartet werden, verwenden es; laufende und abgeschlossene Runden behalten die Gewichte, mit denen sie gestartet wurden.
   *[other] { $n } Gewichte geändert. Runden, die ab jetzt gestartet werden, verwenden sie; laufende und abgeschlossene Runden behalten die Gewichte, mit denen sie gestartet wurden.
}
dep-nothing-saved = Nichts wurde gespeichert: { $problems }.
dep-error-range = Das CSAT-Gewicht von { $department } muss eine Zahl von 0 bis { $max } sein, nicht { $value }
dep-error-number = Das CSAT-Gewicht von { $department } muss eine Zahl sein, nicht „{ $text }“
dep-error-all-zero = Mindestens eine Abteilung braucht ein CSAT-Gewicht über 0

## Benutzerkonten

usr-intro = Benutzerkonten: Die Administration führt die Runden und die Teilnehmerliste, der CTO sieht alle Ergebnisse und führt das Register, der Vorstand liest die Scorecard. Es muss immer ein aktives Administrationskonto geben.
usr-col-role = Rolle
usr-col-status = Status
usr-col-last = Letzte Anmeldung
usr-col-actions = Aktionen
usr-you = (Sie)
usr-added = angelegt am { $when }
usr-role-of = Rolle von { $email }
usr-change = Ändern
usr-active = aktiv
usr-disabled = gesperrt
usr-disable = Sperren
usr-enable = Entsperren
usr-new-password = Neues Passwort
usr-add-heading = Benutzer hinzufügen
usr-add-submit = Benutzer hinzufügen
usr-add-help = Für das neue Konto wird ein Passwort erzeugt und Ihnen auf der nächsten Seite einmal angezeigt. Geben Sie es persönlich oder über einen Kanal weiter, dem Sie vertrauen.
usr-never = nie
usr-role-cto = CTO
usr-role-board = Vorstand
usr-role-admin = Administration
usr-notice-disabled = { $n ->
    [one] { $email } gesperrt; { $n } Sitzung beendet.
   *[other] { $email } gesperrt; { $n } Sitzungen beendet.
}
usr-notice-enabled = { $email } kann sich wieder anmelden.
usr-notice-role = { $email } hat jetzt die Rolle { $role }.
usr-error-email = E-Mail: „{ $value }“ ist keine gültige E-Mail-Adresse.
usr-error-role = Rolle: unbekannte Rolle „{ $value }“ (erwartet: admin, cto oder board).
usr-error-exists = Es gibt bereits einen Benutzer mit der E-Mail-Adresse { $email }. Es wurde nichts geändert.
usr-error-not-found = Es gibt keinen Benutzer mit der E-Mail-Adresse { $email }.
usr-error-last-admin = { $email } ist das letzte aktive Administrationskonto; geben Sie zuerst einem anderen Konto die Rolle Administration. Es wurde nichts geändert.

## Ein einmal angezeigtes Passwort

pwd-title = Passwort
pwd-created = Konto angelegt
pwd-reset = Neues Passwort gesetzt
# { $account } erscheint fett.
pwd-account-created = { $account } ({ $role }).
pwd-account-reset = { $account } ({ $role }): Alle Sitzungen dieses Kontos wurden beendet.
pwd-once = Das Passwort wird nur dieses eine Mal angezeigt – gespeichert wird nur ein Hash:
# { $command } ist eine Befehlszeile.
pwd-give = Geben Sie es persönlich oder über einen Kanal weiter, dem Sie vertrauen. Geht es verloren, erzeugen Sie auf der Seite „Benutzer“ ein neues (oder mit { $command }).
pwd-back = Zurück zu den Benutzern

## Zeitpläne

sch-intro = Eine Umfrage mit Zeitplan läuft jedes Quartal von selbst: Sie wird an ihrem Tag um { $hour }:00 Uhr ({ $timezone }) gestartet; wer noch nicht geantwortet hat, wird an den gewählten Tagen nach dem Start erinnert; am Ende ihres letzten Tages wird sie geschlossen und versiegelt. Niemand wird innerhalb von { $cooldown } Stunden zweimal erinnert, gleich wer die Erinnerung sendet.
sch-list-heading = Umfragen mit Zeitplan
# { $admin } ist der Link zur Verwaltungsseite.
sch-none = Noch keine Umfrage hat einen Zeitplan: Jeder Schritt wird von Hand auf der Seite { $admin } ausgeführt. Legen Sie unten einen an.
sch-col-survey = Umfrage
sch-col-launch = Starttag
sch-col-open = Offen
sch-col-reminders = Erinnerungen
sch-col-quarter = Dieses Quartal
sch-col-next = Als Nächstes
sch-remove = Entfernen
sch-merging = (zusammengelegt: { $merges })
sch-disabled = – deaktiviert
sch-days-open = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
sch-reminders-none = keine
sch-reminders-days = Tage { $days }
sch-date-launch = { $quarter }: Start { $date }
sch-date-remind = Erinnerung { $date }
sch-date-last = letzter Tag { $date }
sch-next = { $step } ({ $quarter }) – { $at }
sch-next-none = nichts (deaktiviert)
sch-set-heading = Zeitplan festlegen
sch-set-help = Ein erneut festgelegter Zeitplan ersetzt den bisherigen. Die Tage zählen ab dem ersten Tag des Quartals (Tag 1); die Runde muss innerhalb des Quartals schließen.
sch-field-launch = Starttag (Tag im Quartal)
sch-field-open = Dauer in Tagen (einschließlich Starttag)
sch-field-reminders = Erinnern an Tagen nach dem Start (durch Kommas getrennt; leer für keine)
sch-field-merge = Abteilungen für die Auswertung zusammenlegen (z. B. ceo+bd; optional)
sch-field-enabled = Aktiviert
sch-save = Zeitplan speichern
sch-recent = Zuletzt ausgeführte Schritte
sch-col-when = Wann
sch-col-step = Schritt
sch-col-outcome = Ergebnis
sch-error-launch-day = Der Starttag muss eine ganze Zahl sein, nicht „{ $value }“
sch-error-days-open = Die Dauer in Tagen muss eine ganze Zahl sein, nicht „{ $value }“
sch-saved = Zeitplan von { $survey } gespeichert.
sch-removed = Zeitplan von { $survey } entfernt; seine Runden bleiben, wie sie sind.

## Das Audit-Protokoll

aud-intro = { $n ->
    [one] Die letzte Aktion eines Benutzerkontos (Zeiten in UTC). Antworten und Kommentare aus Umfragen werden hier nie erfasst.
   *[other] Die { $n } letzten Aktionen von Benutzerkonten, die neueste zuerst (Zeiten in UTC). Antworten und Kommentare aus Umfragen werden hier nie erfasst.
}
aud-empty = Es wurde noch nichts erfasst.
aud-col-when = Wann
aud-col-who = Wer
aud-col-action = Aktion
aud-col-object = Objekt
aud-col-detail = Detail

## Wohin die Zeit des CTO geht

tim-title = Wohin die Zeit des CTO geht
tim-intro = Die Aufteilung aus dem Artikel: 70 % nach außen (Vertrieb und Kunden 35 %, Marketing, Evangelismus und Analysten 20 %, Business Development und Partner 15 %), 30 % nach innen. Gemessen wird am Kalender; sich überschneidende Termine werden nie doppelt gezählt. Nicht zugeordnete Zeit wird als solche gezeigt.
tim-quarter = Quartal
tim-show = Anzeigen
tim-split-for = Aufteilung im { $quarter }
tim-trend-region = Verlauf über acht Quartale
tim-trend-caption = Quartal für Quartal (Anteile an der Arbeitszeit)
tim-col-sales = Vertrieb
tim-col-marketing = Marketing
tim-col-bd = BD
tim-col-internal = Intern
tim-col-unclassified = Nicht zugeordnet
tim-import-heading = Kalender importieren
tim-import-intro = Ein .ics-Export aus Google Kalender, Outlook oder Apple Kalender (höchstens { $mb } MB pro Datei). Ein erneuter Import eines Zeitraums ersetzt ihn; übernommen wird nur, wenn jede Datei gültig ist. Gespeichert werden Beginn, Ende, Kategorie und die Regel, die sie gewählt hat – nie die Teilnehmenden.
tim-files-label = Kalenderdateien (.ics)
tim-import = Importieren
tim-hours-heading = Eine Woche ohne Kalender
tim-week-of = Woche vom
tim-category = Kategorie
tim-hours = Stunden
tim-save-hours = Stunden speichern
tim-rules-heading = Zuordnungsregeln
tim-rules-intro = Der erste Treffer gilt, in dieser Reihenfolge: eine Kalenderkategorie, dann die Domain einer teilnehmenden Person (Kunden vor Partnern vor Analysten und Presse), dann ein Stichwort im Titel; sonst bleibt der Termin nicht zugeordnet. Ihre eigenen Domains zählen nie. Regeln gelten ab dem nächsten Import; einzelne Termine korrigieren Sie unten.
tim-rules-region = Regeln
tim-col-kind = Art
tim-col-pattern = Muster
tim-col-action = Aktion
tim-remove = Entfernen
tim-kind-domain = Domain der Teilnehmenden
tim-kind-keyword = Stichwort im Titel
tim-kind-calendar-category = Kalenderkategorie
tim-add-rule = Regel hinzufügen
tim-events-heading = Termine im { $quarter } ({ $n })
tim-events-none = Keine Kalendertermine in diesem Quartal.
tim-events-region = Termine
tim-col-start = Beginn (UTC)
tim-col-rule = Regel
tim-col-override = Korrektur
tim-overridden = (korrigiert; laut Regeln { $category })
tim-by-rules = (nach Regeln)
tim-set = Festlegen
tim-cat-sales = Vertrieb / Kunden
tim-cat-marketing = Marketing / Evangelismus / Analysten
tim-cat-bd = BD / Partner
tim-cat-internal-engineering = Intern: Engineering & Produkt
tim-cat-internal-executive = Intern: CEO, Geschäftsleitung, Vorstand
tim-cat-not-work = Keine Arbeitszeit
tim-cat-unclassified = Nicht zugeordnet
tim-nothing-written = Es wurde nichts gespeichert: { $problem }
tim-choose-file = Es wurde nichts gespeichert: Wählen Sie zuerst eine .ics-Datei aus.
tim-too-large = Es wurde nichts gespeichert: Eine Datei ist größer als { $mb } MB, das zulässige Maximum. Exportieren Sie einen kürzeren Zeitraum oder verwenden Sie { $command }.
tim-unreadable = Der Upload konnte nicht gelesen werden: { $problem }
tim-too-many = höchstens { $n } Dateien auf einmal
tim-field-too-long = Das Formularfeld „{ $name }“ ist zu lang
tim-imported = { $n ->
    [one] { $n } Termin von { $from } bis { $to } importiert; { $replaced } ersetzt.
   *[other] { $n } Termine von { $from } bis { $to } importiert; { $replaced } ersetzt.
}
tim-hours-saved = Woche vom { $monday }: { $hours } h { $category }.
tim-override-cleared = Korrektur aufgehoben.
tim-event-set = Termin auf { $category } gesetzt.
tim-rule-added = Regel { $rule } hinzugefügt; sie gilt ab dem nächsten Import.
tim-rule-removed = Regel entfernt; das gilt ab dem nächsten Import.
