# Die Inhalte der Verwaltungsseiten: die Liste der Umfragerunden mit dem Formular für eine neue
# Runde und die Seite einer Runde. Anzahlen sind Zahlen, damit die Pluralform passt.

## Die Liste der Runden

adm-title = Verwaltung
adm-departments-link = Abteilungen und Gewichte
adm-create = Runde anlegen
adm-rounds = Umfragerunden
adm-rounds-none = Noch keine Runden. Importieren Sie die Teilnehmerliste und legen Sie dann unten eine Runde an.
adm-col-quarter = Quartal
adm-col-survey = Umfrage
adm-col-status = Status
adm-col-closes = Endet
adm-col-answered = Beantwortet
adm-col-actions = Aktionen
adm-details = Details
adm-preview = Vorschau
adm-field-closes = Letzter Tag zum Antworten (JJJJ-MM-TT)
adm-field-merge = Abteilungen für die Auswertung zusammenlegen (z. B. ceo+bd; optional)
adm-create-submit = Entwurf anlegen
adm-roster-summary = { $people ->
    [one] { $people } Person auf der Teilnehmerliste, { $active } aktiv.
   *[other] { $people } Personen auf der Teilnehmerliste, { $active } aktiv.
}
adm-progress = { $answered } von { $delivered } ({ $rate })
adm-next-scheduled = Als Nächstes geplant: { $step } von { $survey } ({ $quarter }) am { $at }.
adm-step-launch = Start
adm-step-remind = Erinnerung an Tag { $day }
adm-step-close = Abschluss und Versiegelung
adm-status-draft = Entwurf
adm-status-open = offen
adm-status-closed = geschlossen
adm-status-sealed = versiegelt
adm-action-launch = Starten
adm-action-remind = Erinnern
adm-action-close = Jetzt schließen

## Eine Runde

adm-round-title = Runde
adm-back = ← Verwaltung
adm-round-status = Status:
adm-round-closes = endet mit Ablauf des { $date }
adm-round-pending = { $n ->
    [one] { $n } E-Mail wartet auf den Versand
   *[other] { $n } E-Mails warten auf den Versand
}
adm-close-heading = Diese Runde jetzt schließen?
adm-close-body = { $answered } von { $delivered } zugestellten Einladungen wurden beantwortet. Das Schließen versiegelt die Runde sofort: Alle Umfragelinks werden ungültig, die Antworten werden gemischt und unter neuen IDs gespeichert, nicht versandte E-Mails werden storniert, und die Ergebnisse erscheinen in der Scorecard. Das lässt sich nicht rückgängig machen.
adm-close-submit = Schließen und versiegeln
adm-keep-open = Offen lassen
adm-remind-heading = Jetzt Erinnerungen senden?
adm-remind-nobody = Derzeit bekäme niemand eine Erinnerung: Für alle, die noch nicht geantwortet haben, wartet bereits eine Nachricht.
adm-remind-nobody-held = Derzeit bekäme niemand eine Erinnerung: Alle, die noch nicht geantwortet haben ({ $held }), wurden in den letzten { $hours } Stunden erinnert oder haben bereits eine wartende Nachricht.
adm-remind-plan = { $reminders ->
    [one] { $reminders } Person, die noch nicht geantwortet hat, bekommt eine Erinnerung.
   *[other] { $reminders } Personen, die noch nicht geantwortet haben, bekommen eine Erinnerung.
}
adm-remind-plan-reinvites = { $reminders ->
    [one] { $reminders } Person, die noch nicht geantwortet hat, bekommt eine Erinnerung
   *[other] { $reminders } Personen, die noch nicht geantwortet haben, bekommen eine Erinnerung
}, und { $reinvites ->
    [one] { $reinvites } Person, deren Adresse unzustellbar war, bekommt eine neue Einladung.
   *[other] { $reinvites } Personen, deren Adresse unzustellbar war, bekommen eine neue Einladung.
}
adm-remind-held = { $held ->
    [one] { $held } Person, die in den letzten { $hours } Stunden erinnert wurde, wird nicht erneut erinnert.
   *[other] { $held } Personen, die in den letzten { $hours } Stunden erinnert wurden, werden nicht erneut erinnert.
}
adm-remind-answered = Wer geantwortet hat, bekommt nichts.
adm-remind-send = { $n ->
    [one] { $n } Nachricht senden
   *[other] { $n } Nachrichten senden
}
adm-back-button = Zurück
adm-not-now = Nicht jetzt
adm-roster-changed = { $n ->
    [one] Die Teilnehmerliste wurde in den 7 Tagen vor dem Start dieser Runde einmal geändert (siehe Protokoll).
   *[other] Die Teilnehmerliste wurde in den 7 Tagen vor dem Start dieser Runde { $n }-mal geändert (siehe Protokoll).
}
adm-check-heading = Umfrage prüfen
adm-check-intro = Die Vorschau zeigt die Umfrage genau so, wie die Teilnehmenden sie sehen; beantworten lässt sie sich dort nicht.
adm-language = Sprache
adm-department = Abteilung
adm-open-preview = Vorschau öffnen
adm-sample-heading = Mustereinladung senden
adm-sample-intro = Die echte Einladung der Runde, als Muster gekennzeichnet. Der Link darin öffnet die Vorschau und kann daher nie als Antwort zählen.
adm-send-to = Senden an
adm-send-sample = Muster senden
adm-participation = Beteiligung
adm-not-invited = Noch niemand wurde eingeladen: Starten Sie die Runde, um die Einladungen zu versenden.
adm-participation-caption = Je Berichtsgruppe (wer geantwortet hat, ist bekannt; was geantwortet wurde, nicht)
adm-col-group = Gruppe
adm-col-invited = Eingeladen
adm-col-delivered = Zugestellt
adm-col-undeliverable = Unzustellbar
adm-col-rate = Antwortquote
adm-all = Alle
adm-waves = Erinnerungswellen
adm-waves-caption = Jede Welle erreicht nur, wer noch nicht geantwortet hat und in den { $hours } Stunden davor nicht erinnert wurde
adm-col-sent = Gesendet
adm-col-by = Ausgelöst durch
adm-col-reminders = Erinnerungen
adm-col-reinvites = Neue Einladungen
adm-col-held-back = Zurückgestellt
adm-by-schedule = Zeitplan
adm-by-cli = Kommandozeile ({ $actor })
adm-by-admin = Verwaltungsseite ({ $actor })
adm-undeliverable = Unzustellbar ({ $n })
# { $roster } ist der Link zur Teilnehmerliste.
adm-undeliverable-intro = Der Mailserver hat diese Adressen abgelehnt. Korrigieren Sie sie in der Teilnehmerliste ({ $roster }) und klicken Sie dann auf „Erinnern“: Damit werden sie neu eingeladen.

## Hinweise nach einer Aktion an einer Runde

adm-launched = { $n ->
    [one] Gestartet: { $n } Einladung in der Warteschlange; k = { $k }, Kommentare ab { $comments } Antworten.
   *[other] Gestartet: { $n } Einladungen in der Warteschlange; k = { $k }, Kommentare ab { $comments } Antworten.
}
adm-launched-warn = { $n ->
    [one] Hinweis: Die Teilnehmerliste wurde in den letzten 7 Tagen einmal geändert.
   *[other] Hinweis: Die Teilnehmerliste wurde in den letzten 7 Tagen { $n }-mal geändert.
}
adm-reminded = { $reminders ->
    [one] { $reminders } Erinnerung
   *[other] { $reminders } Erinnerungen
} und { $reinvites ->
    [one] { $reinvites } neue Einladung
   *[other] { $reinvites } neue Einladungen
} in der Warteschlange; { $held } nicht erneut erinnert (in den letzten { $hours } Stunden bereits erinnert).
adm-closed = { $n ->
    [one] Runde geschlossen und versiegelt: { $n } Antwort.
   *[other] Runde geschlossen und versiegelt: { $n } Antworten.
}

## Die Teilnehmerliste ($n ist eine Anzahl für die Pluralform, $shown dieselbe Anzahl, wie die Seite sie zeigt)

ros-col-department = Abteilung
ros-col-people = Personen
ros-col-active = Aktiv
ros-nothing-yet = Noch wurde nichts gespeichert. Der Import wird:
# { $import } ist der Name der Schaltfläche „Importieren“, fett gesetzt.
ros-press-import = Klicken Sie unter dem eingefügten Text auf { $import }, um ihn zu übernehmen.
ros-import = Importieren
ros-upload-heading = Teilnehmerliste hochladen
ros-file-label = CSV-Datei der Teilnehmerliste
ros-deactivate-file = Aktive Personen deaktivieren, die in der Datei fehlen
ros-check-file = Datei prüfen
ros-paste-heading = Oder ein paar Zeilen einfügen
ros-paste-intro = Für kleine Korrekturen (bis etwa 1.000 Personen). Ein erneuter Import aktualisiert Personen anhand der E-Mail-Adresse; er löscht niemanden.
ros-csv-label = CSV der Teilnehmerliste, Kopfzeile zuerst
ros-deactivate-text = Aktive Personen deaktivieren, die im Text fehlen
ros-check = Prüfen
ros-summary = { $n ->
    [one] { $shown } Person auf der Teilnehmerliste, { $active } aktiv.
   *[other] { $shown } Personen auf der Teilnehmerliste, { $active } aktiv.
}
# { $header } ist die Kopfzeile der CSV, als Code gesetzt.
ros-upload-intro = Eine CSV-Datei mit der Kopfzeile { $header }, höchstens { $mb } MB. Sie wird zuerst geprüft: Gespeichert wird erst, wenn Sie bestätigen.
ros-errors-heading = { $n ->
    [one] Es wurde nichts gespeichert: { $errors } von { $shown } Zeile in { $source } muss korrigiert werden
   *[other] Es wurde nichts gespeichert: { $errors } von { $shown } Zeilen in { $source } müssen korrigiert werden
}
ros-errors-more = { $n ->
   *[other] … und { $shown } weitere. Korrigieren Sie zuerst diese und prüfen Sie die Datei dann erneut.
}
ros-valid = { $n ->
    [one] { $source }: Die { $shown } Zeile ist gültig
   *[other] { $source }: Alle { $shown } Zeilen sind gültig
}
ros-will-add = { $n ->
    [one] { $shown } Person hinzufügen,
   *[other] { $shown } Personen hinzufügen,
}
ros-will-update = { $n ->
   *[other] { $shown } aktualisieren,
}
ros-will-update-reactivated = { $n ->
   *[other] { $shown } aktualisieren ({ $reactivated } davon wieder aktiv),
}
ros-will-leave = { $n ->
   *[other] { $shown } unverändert lassen,
}
ros-will-deactivate = { $n ->
    [one] { $shown } aktive Person deaktivieren, die in der Datei fehlt.
   *[other] { $shown } aktive Personen deaktivieren, die in der Datei fehlen.
}
ros-will-keep = { $n ->
    [one] { $shown } aktive Person, die in der Datei fehlt, aktiv lassen.
   *[other] { $shown } aktive Personen, die in der Datei fehlen, aktiv lassen.
}
ros-missing-summary = { $n ->
   *[other] Wer in der Datei fehlt ({ $shown })
}
ros-missing-more = { $n ->
   *[other] … und { $shown } weitere.
}
ros-confirm-file = Wählen Sie zum Importieren dieselbe Datei erneut ({ $source }). Nur eine Datei, die mit der geprüften identisch ist, wird angenommen.
ros-import-rows = { $n ->
    [one] { $shown } Zeile importieren
   *[other] { $shown } Zeilen importieren
}

## Hinweise nach einer Aktion ($added, $updated, $unchanged und $missing sind Anzahlen)

adm-notice-created = Entwurf einer Runde von { $survey } für das { $quarter } angelegt. Sehen Sie sich die Vorschau an und senden Sie sich ein Muster; starten Sie danach die Runde.
adm-notice-sample-failed = Das Muster wurde NICHT gesendet: { $problem }
adm-notice-sample-sent = Mustereinladung an { $to } gesendet (Sprache: { $language }). Der Link darin öffnet die Vorschau; darüber kann nicht geantwortet werden.
ros-imported-deactivated = Teilnehmerliste importiert: { $added } hinzugefügt, { $updated } aktualisiert, { $unchanged } unverändert; { $missing } aktive Personen fehlen in der Datei (deaktiviert).
ros-imported-kept = Teilnehmerliste importiert: { $added } hinzugefügt, { $updated } aktualisiert, { $unchanged } unverändert; { $missing } aktive Personen fehlen in der Datei (weiterhin aktiv).
ros-nothing-written = Es wurde nichts gespeichert: { $problem }
ros-too-large = Es wurde nichts gespeichert: Die Datei ist größer als { $mb } MB, das zulässige Maximum (eine Teilnehmerliste mit 10.000 Personen hat etwa 1 MB). Prüfen Sie, ob es die CSV-Datei der Teilnehmerliste ist, oder importieren Sie sie mit { $command }.
ros-choose-file = Es wurde nichts gespeichert: Wählen Sie zuerst eine CSV-Datei mit der Teilnehmerliste aus.
ros-not-checked = Es wurde nichts gespeichert: { $file } ist nicht die geprüfte Datei (ihr Inhalt weicht ab). Prüfen Sie sie vor dem Import erneut.
