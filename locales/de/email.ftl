# Invitations, reminders, re-invitations and samples. The subject's form is fixed in code:
# "[{company} {quarter}] {label}: {survey title}"; only the label is translated here.
# Respondents are addressed with "du", as the Dutch copy uses "je".

email-label-invite = Umfrage
email-label-reminder = Erinnerung, endet am { $date }
email-label-reinvite = Umfrage, neue Einladung
email-label-sample = MUSTER-Umfrage
email-greeting = Hallo { $name },
email-asks = Jedes Quartal fragt { $company } die Menschen, für die der CTO arbeitet, wie gut diese Arbeit gelingt.
email-lead-invite = { $asks } Dies ist die Umfrage für das { $quarter }:
email-lead-reminder = Du hast die Umfrage für das { $quarter } noch nicht beantwortet. Jede Antwort macht das Ergebnis verlässlicher.
email-lead-reinvite = { $asks } Unsere erste Einladung zur Umfrage für das { $quarter } hat dich nicht erreicht; diese ersetzt sie:
email-call = Zur Umfrage
email-closes = Die Umfrage läuft bis einschließlich { $date } ({ $tz }).
email-anonymity = Deine Antworten sind anonym. Niemand bei { $company } – weder die Umfrage-Administration noch der CTO noch der Vorstand – kann sehen, was du geantwortet hast. Ergebnisse werden erst nach dem Ende der Umfrage gezeigt, und nur für Gruppen von mindestens { $k ->
    [one] { $k } Person.
   *[other] { $k } Personen.
}
email-personal = Dieser Link ist persönlich und gilt, bis du geantwortet hast; bitte leite ihn nicht weiter.
email-sample-personal = In der echten Nachricht steht hier, dass der Link persönlich ist und gilt, bis die Person geantwortet hat; dieser Vorschau-Link speichert nichts und darf an andere Mitarbeitende weitergegeben werden.
email-footer = Gesendet von { $sender } mit ctopulse. Fragen? Antworte einfach auf diese E-Mail.
email-sample-note = MUSTER – dies ist eine Testnachricht; der Link darin zeigt nur eine Vorschau der Umfrage.

# "You said, we did": what the reader's group said last time and what was done since.
recap-heading = Euer Feedback – unsere Maßnahmen
recap-did-heading = Was wir getan haben und noch tun
recap-status-planned = geplant
recap-status-in-progress = in Arbeit
recap-status-done = erledigt
recap-status-dropped = verworfen
recap-said-enps = eNPS unter den Engineers im { $quarter }: { $value }.
recap-said-productive-happy = Im { $quarter } waren { $share } der Engineers zugleich produktiv und zufrieden.
recap-said-alignment = Im { $quarter } sahen { $share } der Befragten die Technologiestrategie im Einklang mit dem Geschäft.
recap-said-csat = Im { $quarter } waren { $share } deiner Gruppe mit der Unterstützung durch den CTO insgesamt zufrieden.
recap-fallback = Nicht übersetzt; in der Sprache des Unternehmens angezeigt ({ $language }).
