# Die Seiten für Mitarbeitende: Layout und Navigation, Anmeldung, Ersteinrichtung und Fehlerseiten.
# Platzhalter: $provider ist der Name des Identitätsanbieters, $command ein Befehl, $status ein HTTP-Status.
# Staff werden mit „Sie“ angesprochen.

staff-nav-label = Hauptnavigation
staff-sign-out = Abmelden
staff-nav-dashboard = Dashboard
staff-nav-time = Zeitaufteilung
staff-nav-board = Vorstand
staff-nav-admin = Verwaltung
staff-nav-schedules = Zeitpläne
staff-nav-roster = Teilnehmerliste
staff-nav-departments = Abteilungen
staff-nav-actions = Maßnahmen
staff-nav-users = Benutzer
staff-nav-audit = Protokoll
staff-role-cto = CTO
staff-role-board = Vorstand
staff-role-admin = Administration
staff-error-prefix = Fehler:
staff-field-email = E-Mail
staff-field-password = Passwort
staff-field-name = Name

staff-signin-title = Anmelden
staff-signin-intro = Für den CTO, den Vorstand und die Umfrage-Administration. Sie möchten an einer Umfrage teilnehmen? Nutzen Sie den persönlichen Link aus Ihrer Einladungs-E-Mail; dafür ist keine Anmeldung nötig.
staff-signin-signed-out = Sie sind von ctopulse abgemeldet.
staff-signin-provider-sign-out = Auch von { $provider } abmelden
staff-signin-your-provider = Ihrem Identitätsanbieter
staff-signin-with-provider = Mit { $provider } anmelden
staff-signin-or-password = Oder mit Ihrem ctopulse-Passwort:
staff-signin-passwords-off = Passwörter sind hier abgeschaltet. Bitte melden Sie sich über Ihren Identitätsanbieter an.
staff-signin-expired = Dieses Anmeldeformular ist abgelaufen. Bitte melden Sie sich erneut an.
staff-signin-empty = Bitte geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.
staff-signin-not-email = Das ist keine E-Mail-Adresse.
staff-signin-too-long = E-Mail-Adresse oder Passwort ist zu lang.
staff-signin-rejected = E-Mail-Adresse oder Passwort ist falsch.

staff-setup-title = ctopulse einrichten
staff-setup-heading = Erstes Administrationskonto anlegen
staff-setup-intro = Diese Seite funktioniert nur, bis das erste Administrationskonto existiert. Danach legt die Administration die Konten für den CTO, den Vorstand und weitere Mitglieder der Administration an.
staff-setup-cli = Sie arbeiten lieber auf der Kommandozeile? { $command } erledigt dasselbe und prüft zusätzlich den E-Mail-Versand und die öffentliche URL.
staff-setup-password = Passwort (mindestens 12 Zeichen)
staff-setup-repeat = Passwort wiederholen
staff-setup-submit = Administrationskonto anlegen
staff-setup-expired = Dieses Formular ist abgelaufen. Bitte füllen Sie es erneut aus.
staff-setup-bad-email = Bitte geben Sie eine gültige E-Mail-Adresse ein.
staff-setup-bad-name = Bitte geben Sie einen Namen mit 1–100 Zeichen ein.
staff-setup-differ = Die beiden Passwörter stimmen nicht überein.

staff-error-home = Zu Ihrer Startseite
staff-error-status = Fehler { $status }
staff-error-400-title = Diese Anfrage konnte nicht verarbeitet werden
staff-error-400-body = Die Anfrage war ungültig.
staff-error-401-title = Bitte melden Sie sich an
staff-error-401-body = Diese Seite ist angemeldeten Benutzern vorbehalten.
staff-error-403-title = Kein Zugriff
staff-error-403-body = Ihr Konto hat keinen Zugriff auf diese Seite.
staff-error-404-title = Seite nicht gefunden
staff-error-404-body = Unter dieser Adresse gibt es keine Seite.
staff-error-405-title = Hier nicht möglich
staff-error-405-body = Diese Seite nimmt diese Art von Anfrage nicht an.
staff-error-409-title = Gerade nicht möglich
staff-error-409-body = Das widerspricht dem aktuellen Stand.
staff-error-413-title = Zu groß
staff-error-413-body = Die gesendeten Daten sind zu groß.
staff-error-429-title = Zu viele Versuche
staff-error-429-body = Bitte warten Sie kurz und versuchen Sie es dann erneut.
staff-error-503-title = Vorübergehend nicht verfügbar
staff-error-503-body = Bitte versuchen Sie es in einer Minute erneut.
staff-error-500-title = Etwas ist schiefgelaufen
staff-error-500-body = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.
staff-error-other-title = Das hat nicht geklappt
staff-error-other-body = Die Anfrage konnte nicht abgeschlossen werden.
# Warum eine Seite nicht angezeigt werden konnte (die API sagt dasselbe auf Englisch).
staff-error-quarter = „{ $typed }“ ist kein Quartal. Geben Sie es als Jahr, Q und Nummer an, z. B. 2026Q3 (Jahr 2000–2999, Nummer 1–4).
staff-error-no-closed-round = Für { $quarter } ist keine Umfragerunde abgeschlossen.
staff-error-nothing-closed = Noch keine Umfragerunde ist abgeschlossen; die Ergebnisse erscheinen, sobald die erste Runde endet.
staff-error-date = „{ $typed }“ ist kein Datum. Geben Sie es im Format JJJJ-MM-TT an.
staff-error-no-user = Diesen Benutzer gibt es nicht.
staff-error-not-multipart = Bitte laden Sie eine Datei über das Formular hoch.
staff-error-form-nul = Das Formular enthält ein NUL-Zeichen, das kein Feld annimmt.

staff-notice-commentary-saved = Kommentar für das { $quarter } gespeichert.
staff-notice-point-added = Wendepunkt hinzugefügt.
staff-notice-assessment-saved = Bewertung für das { $quarter } gespeichert; sie wartet auf die Bestätigung durch den Vorstand.
staff-notice-disputed = Bewertung angefochten.
staff-notice-confirmed = Bewertung bestätigt.
staff-notice-action-recorded = Maßnahme erfasst.
staff-notice-action-updated = Maßnahme aktualisiert.
