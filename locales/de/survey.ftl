# The respondent's pages: the anonymity promise, the form, and the one-message pages.
# Placeables: $k and $c are the anonymity thresholds; $date is a date as `date-long` writes it, $tz a time zone name.
# Respondents are addressed with "du", as the Dutch copy uses "je".

survey-promise-title = Deine Antworten sind anonym
survey-promise-nobody = Niemand, der ctopulse nutzt – weder die Umfrage-Administration noch der CTO noch der Vorstand –, kann sehen, was du geantwortet hast. Wir wissen, dass du geantwortet hast (damit du keine Erinnerungen mehr bekommst), aber nie, was.
survey-promise-groups = Ergebnisse werden erst nach dem Ende der Umfrage gezeigt, und nur für Gruppen von mindestens { $k ->
    [one] { $k } Person.
   *[other] { $k } Personen.
}
survey-promise-unanimous = Ergebnisse sind Gruppensummen: Wenn alle in einer Gruppe gleich antworten, ist das an der Summe zu sehen.
survey-promise-comments = Kommentare werden nur für Gruppen von mindestens { $c ->
    [one] { $c } Person
   *[other] { $c } Personen
} gezeigt, in zufälliger Reihenfolge und ohne Namen. Lass Details weg, an denen man dich erkennen könnte.
survey-promise-strict = Der strenge Modus ist aktiv, wie mit dem Betriebsrat vereinbart: Der Vorstand sieht nie Kommentare, und nur die Umfrage-Administration sieht, wie viele Personen je Gruppe geantwortet haben.
survey-required-note = Fragen mit * musst du beantworten.
survey-optional = optional
survey-not-applicable = k. A.
survey-submit = Meine Antworten senden
survey-errors-title = Bitte prüfe diese Antworten
survey-error-prefix = Fehler:
survey-problem-required = Bitte wähle eine Antwort.
survey-problem-range = Bitte wähle eine der angezeigten Optionen.
survey-problem-too-long = Bitte kürze deinen Kommentar auf weniger als 2.000 Zeichen.
survey-comment-hint = Bis zu 2.000 Zeichen.
survey-thanks-title = Vielen Dank
survey-thanks-body = Deine Antworten sind angekommen. Du bekommst für diese Umfrage keine Erinnerungen mehr. Die Ergebnisse werden geteilt, sobald die Umfrage beendet ist.
survey-answered-title = Du hast bereits geantwortet
survey-answered-body = Dieser Umfragelink wurde bereits verwendet. Jede Einladung zählt nur einmal, deshalb bleiben deine früheren Antworten bestehen. Danke!
survey-closed-title = Diese Umfrage ist beendet
survey-closed-body = Die Umfrage lief bis einschließlich { $date } ({ $tz }) und nimmt keine Antworten mehr an. Die Ergebnisse gehen nur als Gruppensummen an das Unternehmen. Danke für dein Interesse.
survey-closed-early-body = Die Umfrage wurde am { $date } ({ $tz }) beendet und nimmt keine Antworten mehr an. Die Ergebnisse gehen nur als Gruppensummen an das Unternehmen. Danke für dein Interesse.
survey-unknown-title = Dieser Link funktioniert nicht
survey-unknown-body = Der Link zur Umfrage ist ungültig. Links funktionieren nicht mehr, sobald ihre Umfrage beendet ist; die Ergebnisse gehen dann an das Unternehmen. Läuft deine Umfrage noch, öffne bitte den Link aus deiner Einladungs-E-Mail genau so, wie er verschickt wurde.
survey-no-cookie-title = Bitte öffne den Link aus deiner E-Mail
survey-no-cookie-body = Um zu antworten, öffne den persönlichen Link aus deiner Einladungs-E-Mail. Hast du das schon getan, blockiert dein Browser vielleicht Cookies für diese Website.
survey-forged-title = Das Formular konnte nicht gelesen werden
survey-forged-body = Die gesendeten Antworten passen nicht zu dieser Umfrage. Öffne bitte noch einmal den Link aus deiner Einladungs-E-Mail und antworte erneut.
survey-limited-title = Zu viele Versuche
survey-limited-body = Aus deinem Netzwerk wurden zu viele ungültige Links geöffnet. Bitte warte eine Minute und versuch es dann noch einmal.
survey-unavailable-title = Bitte versuch es in einer Minute noch einmal
survey-unavailable-body = Die Umfrage ist vorübergehend nicht erreichbar. Es wurde nichts gespeichert. Bitte versuch es in einer Minute noch einmal.
survey-preview-banner = Vorschau – von dieser Seite aus können keine Antworten gesendet werden.
survey-language = Sprache
