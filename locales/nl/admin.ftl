# De inhoud van de beheerpagina's: de lijst van rondes met het formulier voor een nieuwe ronde,
# en de pagina van één ronde. Aantallen zijn getallen, zodat de meervoudsvorm klopt.

## De lijst van rondes

adm-title = Beheer
adm-departments-link = Afdelingen en gewichten
adm-create = Ronde aanmaken
adm-rounds = Rondes
adm-rounds-none = Nog geen rondes. Importeer de deelnemerslijst en maak hieronder een ronde aan.
adm-col-quarter = Kwartaal
adm-col-survey = Enquête
adm-col-status = Status
adm-col-closes = Sluit
adm-col-answered = Geantwoord
adm-col-actions = Acties
adm-details = Details
adm-preview = Voorbeeld
adm-field-closes = Laatste dag om te antwoorden (JJJJ-MM-DD)
adm-field-merge = Afdelingen samenvoegen voor de rapportage (bijv. ceo+bd; optioneel)
adm-create-submit = Concept aanmaken
adm-roster-summary = { $people ->
    [one] { $people } persoon op de deelnemerslijst, { $active } actief.
   *[other] { $people } personen op de deelnemerslijst, { $active } actief.
}
adm-progress = { $answered } van { $delivered } ({ $rate })
adm-next-scheduled = Volgende geplande stap: { $step } van { $survey } ({ $quarter }) op { $at }.
adm-step-launch = start
adm-step-remind = herinnering op dag { $day }
adm-step-close = sluiten en verzegelen
adm-status-draft = concept
adm-status-open = open
adm-status-closed = gesloten
adm-status-sealed = verzegeld
adm-action-launch = Starten
adm-action-remind = Herinneren
adm-action-close = Nu sluiten

## Eén ronde

adm-round-title = Ronde
adm-back = ← Beheer
adm-round-status = Status:
adm-round-closes = sluit aan het eind van { $date }
adm-round-pending = { $n ->
    [one] { $n } e-mail wacht op verzending
   *[other] { $n } e-mails wachten op verzending
}
adm-close-heading = Deze ronde nu sluiten?
adm-close-body = { $answered } van de { $delivered } bezorgde uitnodigingen zijn beantwoord. Sluiten verzegelt de ronde meteen: alle enquêtelinks werken niet meer, de antwoorden worden geschud en onder nieuwe id's opgeslagen, niet-verzonden e-mails worden geannuleerd en de resultaten verschijnen op de scorecard. Dit kan niet ongedaan worden gemaakt.
adm-close-submit = Sluiten en verzegelen
adm-keep-open = Open laten
adm-remind-heading = Nu herinneringen sturen?
adm-remind-nobody = Op dit moment krijgt niemand een herinnering: voor iedereen die nog niet heeft geantwoord, staat al een bericht klaar.
adm-remind-nobody-held = Op dit moment krijgt niemand een herinnering: iedereen die nog niet heeft geantwoord ({ $held }), is in de afgelopen { $hours } uur herinnerd of heeft al een bericht klaarstaan.
adm-remind-plan = { $reminders ->
    [one] { $reminders } persoon die nog niet heeft geantwoord, krijgt een herinnering.
   *[other] { $reminders } personen die nog niet hebben geantwoord, krijgen een herinnering.
}
adm-remind-plan-reinvites = { $reminders ->
    [one] { $reminders } persoon die nog niet heeft geantwoord, krijgt een herinnering
   *[other] { $reminders } personen die nog niet hebben geantwoord, krijgen een herinnering
}, en { $reinvites ->
    [one] { $reinvites } persoon van wie het adres onbestelbaar was, krijgt een nieuwe uitnodiging.
   *[other] { $reinvites } personen van wie het adres onbestelbaar was, krijgen een nieuwe uitnodiging.
}
adm-remind-held = { $held ->
    [one] { $held } persoon die in de afgelopen { $hours } uur is herinnerd, wordt niet opnieuw herinnerd.
   *[other] { $held } personen die in de afgelopen { $hours } uur zijn herinnerd, worden niet opnieuw herinnerd.
}
adm-remind-answered = Wie al heeft geantwoord, krijgt niets.
adm-remind-send = { $n ->
    [one] { $n } bericht versturen
   *[other] { $n } berichten versturen
}
adm-back-button = Terug
adm-not-now = Nu niet
adm-roster-changed = { $n ->
    [one] De deelnemerslijst is in de 7 dagen voor de start van deze ronde één keer gewijzigd (zie de auditlog).
   *[other] De deelnemerslijst is in de 7 dagen voor de start van deze ronde { $n } keer gewijzigd (zie de auditlog).
}
adm-check-heading = De enquête controleren
adm-check-intro = Het voorbeeld toont de enquête precies zoals deelnemers hem zien; je kunt er niets mee beantwoorden.
adm-language = Taal
adm-department = Afdeling
adm-open-preview = Voorbeeld openen
adm-sample-heading = Een voorbeelduitnodiging sturen
adm-sample-intro = De echte uitnodiging van de ronde, gemarkeerd als voorbeeld. De link opent het voorbeeld, dus telt nooit als antwoord.
adm-send-to = Sturen naar
adm-send-sample = Voorbeeld sturen
adm-participation = Deelname
adm-not-invited = Er is nog niemand uitgenodigd: start de ronde om de uitnodigingen te versturen.
adm-participation-caption = Per rapportagegroep (wie heeft geantwoord is bekend, wat ze hebben geantwoord niet)
adm-col-group = Groep
adm-col-invited = Uitgenodigd
adm-col-delivered = Bezorgd
adm-col-undeliverable = Onbestelbaar
adm-col-rate = Respons
adm-all = Totaal
adm-waves = Herinneringsrondes
adm-waves-caption = Elke herinneringsronde bereikt alleen wie nog niet had geantwoord en in de { $hours } uur daarvoor niet was herinnerd
adm-col-sent = Verstuurd
adm-col-by = Door
adm-col-reminders = Herinneringen
adm-col-reinvites = Nieuwe uitnodigingen
adm-col-held-back = Uitgesteld
adm-by-schedule = Planning
adm-by-cli = Opdrachtregel ({ $actor })
adm-by-admin = Beheerpagina ({ $actor })
adm-undeliverable = Onbestelbaar ({ $n })
# { $roster } is de link naar de deelnemerslijst.
adm-undeliverable-intro = De mailserver heeft deze adressen geweigerd. Corrigeer ze in de deelnemerslijst ({ $roster }) en klik daarna op Herinneren: dan worden ze opnieuw uitgenodigd.

## Meldingen na een actie op een ronde

adm-launched = { $n ->
    [one] Gestart: { $n } uitnodiging klaargezet; k = { $k }, opmerkingen vanaf { $comments } antwoorden.
   *[other] Gestart: { $n } uitnodigingen klaargezet; k = { $k }, opmerkingen vanaf { $comments } antwoorden.
}
adm-launched-warn = { $n ->
    [one] Let op: de deelnemerslijst is in de afgelopen 7 dagen één keer gewijzigd.
   *[other] Let op: de deelnemerslijst is in de afgelopen 7 dagen { $n } keer gewijzigd.
}
adm-reminded = { $reminders ->
    [one] { $reminders } herinnering
   *[other] { $reminders } herinneringen
} en { $reinvites ->
    [one] { $reinvites } nieuwe uitnodiging
   *[other] { $reinvites } nieuwe uitnodigingen
} klaargezet; { $held } niet opnieuw herinnerd (al herinnerd in de afgelopen { $hours } uur).
adm-closed = { $n ->
    [one] Ronde gesloten en verzegeld: { $n } antwoord.
   *[other] Ronde gesloten en verzegeld: { $n } antwoorden.
}

## De deelnemerslijst ($n is een aantal voor de meervoudsvorm, $shown hetzelfde aantal zoals de pagina het toont)

ros-col-department = Afdeling
ros-col-people = Personen
ros-col-active = Actief
ros-nothing-yet = Er is nog niets weggeschreven. Importeren zal:
# { $import } is de naam van de knop Importeren, vet gedrukt.
ros-press-import = Klik onder de geplakte tekst op { $import } om hem weg te schrijven.
ros-import = Importeren
ros-upload-heading = Het deelnemersbestand uploaden
ros-file-label = CSV-bestand met de deelnemerslijst
ros-deactivate-file = Actieve personen die in het bestand ontbreken op inactief zetten
ros-check-file = Bestand controleren
ros-paste-heading = Of plak een paar regels
ros-paste-intro = Voor kleine correcties (tot ongeveer 1.000 personen). Opnieuw importeren werkt personen bij op basis van hun e-mailadres; er wordt nooit iemand verwijderd.
ros-csv-label = Deelnemerslijst als CSV, kopregel eerst
ros-deactivate-text = Actieve personen die in de tekst ontbreken op inactief zetten
ros-check = Controleren
ros-summary = { $n ->
    [one] { $shown } persoon op de deelnemerslijst, { $active } actief.
   *[other] { $shown } personen op de deelnemerslijst, { $active } actief.
}
# { $header } is de kopregel van de CSV, als code getoond.
ros-upload-intro = Een CSV met de kopregel { $header }, hoogstens { $mb } MB. Het bestand wordt eerst gecontroleerd: er wordt niets weggeschreven tot je bevestigt.
ros-errors-heading = { $n ->
    [one] Er is niets weggeschreven: { $errors } van { $shown } regel in { $source } moet worden gecorrigeerd
   *[other] Er is niets weggeschreven: { $errors } van { $shown } regels in { $source } moeten worden gecorrigeerd
}
ros-errors-more = { $n ->
   *[other] … en nog { $shown }. Corrigeer eerst deze en controleer het bestand daarna opnieuw.
}
ros-valid = { $n ->
    [one] { $source }: de { $shown } regel is geldig
   *[other] { $source }: alle { $shown } regels zijn geldig
}
ros-will-add = { $n ->
    [one] { $shown } persoon toevoegen,
   *[other] { $shown } personen toevoegen,
}
ros-will-update = { $n ->
   *[other] { $shown } bijwerken,
}
ros-will-update-reactivated = { $n ->
   *[other] { $shown } bijwerken (waarvan { $reactivated } weer actief),
}
ros-will-leave = { $n ->
   *[other] { $shown } ongewijzigd laten,
}
ros-will-deactivate = { $n ->
    [one] { $shown } actieve persoon die in het bestand ontbreekt op inactief zetten.
   *[other] { $shown } actieve personen die in het bestand ontbreken op inactief zetten.
}
ros-will-keep = { $n ->
    [one] { $shown } actieve persoon die in het bestand ontbreekt actief laten.
   *[other] { $shown } actieve personen die in het bestand ontbreken actief laten.
}
ros-missing-summary = { $n ->
   *[other] Wie in het bestand ontbreekt ({ $shown })
}
ros-missing-more = { $n ->
   *[other] … en nog { $shown }.
}
ros-confirm-file = Kies om te importeren hetzelfde bestand opnieuw ({ $source }). Alleen een bestand dat identiek is aan het gecontroleerde wordt geaccepteerd.
ros-import-rows = { $n ->
    [one] { $shown } regel importeren
   *[other] { $shown } regels importeren
}

## Meldingen na een actie ($added, $updated, $unchanged en $missing zijn aantallen)

adm-notice-created = Conceptronde van { $survey } voor { $quarter } aangemaakt. Bekijk het voorbeeld en stuur jezelf een proefexemplaar, en start de ronde daarna.
adm-notice-sample-failed = Het proefexemplaar is NIET verstuurd: { $problem }
adm-notice-sample-sent = Proefuitnodiging verstuurd naar { $to } (taal: { $language }). De link opent het voorbeeld; er kan niet mee worden geantwoord.
ros-imported-deactivated = Deelnemerslijst geïmporteerd: { $added } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd; { $missing } actieve personen ontbreken in het bestand (gedeactiveerd).
ros-imported-kept = Deelnemerslijst geïmporteerd: { $added } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd; { $missing } actieve personen ontbreken in het bestand (nog actief).
ros-nothing-written = Er is niets weggeschreven: { $problem }
ros-too-large = Er is niets weggeschreven: het bestand is groter dan { $mb } MB, het maximum (een deelnemerslijst van 10.000 personen is ongeveer 1 MB). Controleer of het de CSV van de deelnemerslijst is, of importeer hem met { $command }.
ros-choose-file = Er is niets weggeschreven: kies eerst een CSV-bestand met de deelnemerslijst.
ros-not-checked = Er is niets weggeschreven: { $file } is niet het bestand dat je hebt gecontroleerd (de inhoud verschilt). Controleer het opnieuw voordat je importeert.
