# De instellingenpagina's: afdelingen en gewichten, accounts van medewerkers en een wachtwoord
# dat één keer wordt getoond, planningen en het auditlogboek. Aanspreekvorm "je", zoals de
# andere staff-pagina's.

## Afdelingen en gewichten

dep-intro = Maatstaf C, de interne CSAT, weegt de tevredenheid van elke afdeling met deze gewichten. Alleen de verhouding telt: 35 / 100 en 7 / 20 zijn hetzelfde.
dep-notice = Lopende en gesloten rondes houden de gewichten waarmee ze zijn gestart. Een wijziging hier geldt voor rondes die vanaf nu starten; geen enkel voorbij kwartaal verandert.
dep-col-department = Afdeling
dep-col-weight = CSAT-gewicht
dep-col-share = Huidig aandeel
dep-help = Getallen van 0 tot 1000; minstens één boven 0. De raad van bestuur is een publiek, geen afdeling: hij heeft geen gewicht.
dep-save = Gewichten opslaan
dep-none-changed = Er is geen gewicht gewijzigd.
dep-changed = { $n ->
    [one] { $n } gewicht gewijzigd. Rondes die vanaf nu starten gebruiken het; lopende en gesloten rondes houden de gewichten waarmee ze zijn gestart.
   *[other] { $n } gewichten gewijzigd. Rondes die vanaf nu starten gebruiken ze; lopende en gesloten rondes houden de gewichten waarmee ze zijn gestart.
}
dep-nothing-saved = Er is niets opgeslagen: { $problems }.
dep-error-range = het CSAT-gewicht van { $department } moet een getal van 0 tot { $max } zijn, niet { $value }
dep-error-number = het CSAT-gewicht van { $department } moet een getal zijn, niet "{ $text }"
dep-error-all-zero = minstens één afdeling heeft een CSAT-gewicht boven 0 nodig

## Accounts van medewerkers

usr-intro = Accounts van medewerkers: beheerders voeren de rondes en de deelnemerslijst, de CTO ziet alle resultaten en houdt het register bij, leden van de raad van bestuur lezen de scorecard. Er moet altijd één actieve beheerder zijn.
usr-col-role = Rol
usr-col-status = Status
usr-col-last = Laatst aangemeld
usr-col-actions = Acties
usr-you = (jij)
usr-added = toegevoegd op { $when }
usr-role-of = Rol van { $email }
usr-change = Wijzigen
usr-active = actief
usr-disabled = geblokkeerd
usr-disable = Blokkeren
usr-enable = Deblokkeren
usr-new-password = Nieuw wachtwoord
usr-add-heading = Gebruiker toevoegen
usr-add-submit = Gebruiker toevoegen
usr-add-help = Voor het nieuwe account wordt een wachtwoord gemaakt dat je op de volgende pagina één keer te zien krijgt. Geef het persoonlijk door of via een kanaal dat je vertrouwt.
usr-never = nooit
usr-role-cto = CTO
usr-role-board = raad van bestuur
usr-role-admin = beheerder
usr-notice-disabled = { $n ->
    [one] { $email } geblokkeerd; { $n } sessie beëindigd.
   *[other] { $email } geblokkeerd; { $n } sessies beëindigd.
}
usr-notice-enabled = { $email } kan zich weer aanmelden.
usr-notice-role = { $email } heeft nu de rol { $role }.
usr-error-email = E-mail: "{ $value }" is geen geldig e-mailadres.
usr-error-role = Rol: onbekende rol "{ $value }" (verwacht: admin, cto of board).
usr-error-exists = Er bestaat al een gebruiker met het e-mailadres { $email }. Er is niets gewijzigd.
usr-error-not-found = Er is geen gebruiker met het e-mailadres { $email }.
usr-error-last-admin = { $email } is de laatste actieve beheerder; maak eerst een ander account beheerder. Er is niets gewijzigd.

## Een wachtwoord dat één keer wordt getoond

pwd-title = Wachtwoord
pwd-created = Account aangemaakt
pwd-reset = Nieuw wachtwoord ingesteld
# { $account } staat vetgedrukt.
pwd-account-created = { $account } ({ $role }).
pwd-account-reset = { $account } ({ $role }): alle sessies van dit account zijn beëindigd.
pwd-once = Het wachtwoord, alleen deze ene keer getoond – opgeslagen wordt alleen een hash:
# { $command } is een opdrachtregel.
pwd-give = Geef het persoonlijk door of via een kanaal dat je vertrouwt. Raakt het kwijt, maak dan een nieuw aan op de pagina Gebruikers (of met { $command }).
pwd-back = Terug naar gebruikers

## Planningen

sch-intro = Een enquête met een planning loopt elk kwartaal vanzelf: hij start op zijn dag om { $hour }:00 ({ $timezone }), wie nog niet heeft geantwoord krijgt op de gekozen dagen na de start een herinnering, en aan het eind van de laatste dag wordt hij gesloten en verzegeld. Niemand krijgt binnen { $cooldown } uur twee herinneringen, wie ze ook verstuurt.
sch-list-heading = Enquêtes met een planning
# { $admin } is de link naar de beheerpagina.
sch-none = Nog geen enquête heeft een planning: elke stap gebeurt met de hand op de pagina { $admin }. Stel hieronder een planning in.
sch-col-survey = Enquête
sch-col-launch = Startdag
sch-col-open = Open
sch-col-reminders = Herinneringen
sch-col-quarter = Dit kwartaal
sch-col-next = Volgende
sch-remove = Verwijderen
sch-merging = (samengevoegd: { $merges })
sch-disabled = – uitgeschakeld
sch-days-open = { $n ->
    [one] { $n } dag
   *[other] { $n } dagen
}
sch-reminders-none = geen
sch-reminders-days = dagen { $days }
sch-date-launch = { $quarter }: start { $date }
sch-date-remind = herinnering { $date }
sch-date-last = laatste dag { $date }
sch-next = { $step } ({ $quarter }) – { $at }
sch-next-none = niets (uitgeschakeld)
sch-set-heading = Planning instellen
sch-set-help = Een planning opnieuw instellen vervangt de vorige. Dagen tellen vanaf de eerste dag van het kwartaal (dag 1); de ronde moet binnen het kwartaal sluiten.
sch-field-launch = Starten op dag van het kwartaal
sch-field-open = Dagen open (de startdag meegeteld)
sch-field-reminders = Herinneren op dagen na de start (gescheiden door komma's; leeg voor geen)
sch-field-merge = Afdelingen samenvoegen voor de rapportage (bijv. ceo+bd; optioneel)
sch-field-enabled = Ingeschakeld
sch-save = Planning opslaan
sch-recent = Recent uitgevoerde stappen
sch-col-when = Wanneer
sch-col-step = Stap
sch-col-outcome = Wat er gebeurde
sch-error-launch-day = de startdag moet een geheel aantal dagen zijn, niet "{ $value }"
sch-error-days-open = de dagen open moeten een geheel aantal zijn, niet "{ $value }"
sch-saved = Planning van { $survey } opgeslagen.
sch-removed = Planning van { $survey } verwijderd; de rondes blijven zoals ze zijn.

## Het auditlogboek

aud-intro = { $n ->
    [one] De meest recente actie van een medewerker (tijden in UTC). Antwoorden en opmerkingen uit enquêtes worden hier nooit vastgelegd.
   *[other] De { $n } meest recente acties van medewerkers, nieuwste eerst (tijden in UTC). Antwoorden en opmerkingen uit enquêtes worden hier nooit vastgelegd.
}
aud-empty = Er is nog niets vastgelegd.
aud-col-when = Wanneer
aud-col-who = Wie
aud-col-action = Actie
aud-col-object = Object
aud-col-detail = Details

## Waar de tijd van de CTO heen gaat

tim-title = Waar de tijd van de CTO heen gaat
tim-intro = De verdeling uit het artikel: 70 % naar buiten (verkoop en klanten 35 %, marketing, evangelisatie en analisten 20 %, business development en partners 15 %), 30 % naar binnen. Gemeten aan de agenda; overlappende afspraken tellen nooit meer dan de klok. Niet-ingedeelde tijd wordt als zodanig getoond.
tim-quarter = Kwartaal
tim-show = Tonen
tim-split-for = Verdeling voor { $quarter }
tim-trend-region = Verloop over acht kwartalen
tim-trend-caption = Per kwartaal (aandelen van de werktijd)
tim-col-sales = Verkoop
tim-col-marketing = Marketing
tim-col-bd = BD
tim-col-internal = Intern
tim-col-unclassified = Niet ingedeeld
tim-import-heading = Een agenda importeren
tim-import-intro = Een .ics-export uit Google Agenda, Outlook of Apple Agenda (hoogstens { $mb } MB per bestand). Een periode opnieuw importeren vervangt die; er wordt niets weggeschreven tenzij elk bestand geldig is. Opgeslagen worden begin, einde, categorie en de regel die hem koos – nooit de deelnemers.
tim-files-label = Agendabestanden (.ics)
tim-import = Importeren
tim-hours-heading = Een week zonder agenda
tim-week-of = Week van
tim-category = Categorie
tim-hours = Uren
tim-save-hours = Uren opslaan
tim-rules-heading = Indelingsregels
tim-rules-intro = De eerste treffer telt: een agendacategorie, dan het domein van een deelnemer (klanten voor partners voor analisten en pers), dan een trefwoord in de titel, in deze volgorde; anders blijft de afspraak niet ingedeeld. Je eigen domeinen tellen nooit. Regels gelden vanaf de volgende import; corrigeer hieronder een enkele afspraak.
tim-rules-region = Regels
tim-col-kind = Soort
tim-col-pattern = Patroon
tim-col-action = Actie
tim-remove = Verwijderen
tim-kind-domain = domein van deelnemer
tim-kind-keyword = trefwoord in titel
tim-kind-calendar-category = agendacategorie
tim-add-rule = Regel toevoegen
tim-events-heading = Afspraken in { $quarter } ({ $n })
tim-events-none = Geen agenda-afspraken in dit kwartaal.
tim-events-region = Afspraken
tim-col-start = Begin (UTC)
tim-col-rule = Regel
tim-col-override = Correctie
tim-overridden = (gecorrigeerd; volgens de regels { $category })
tim-by-rules = (volgens regels)
tim-set = Instellen
tim-cat-sales = Verkoop / klanten
tim-cat-marketing = Marketing / evangelisatie / analisten
tim-cat-bd = BD / partners
tim-cat-internal-engineering = Intern: engineering en product
tim-cat-internal-executive = Intern: CEO, directie, raad van bestuur
tim-cat-not-work = Geen werktijd
tim-cat-unclassified = Niet ingedeeld
tim-nothing-written = Er is niets weggeschreven: { $problem }
tim-choose-file = Er is niets weggeschreven: kies eerst een .ics-bestand.
tim-too-large = Er is niets weggeschreven: een bestand is groter dan { $mb } MB, het maximum. Exporteer een kortere periode of gebruik { $command }.
tim-unreadable = de upload kon niet worden gelezen: { $problem }
tim-too-many = hoogstens { $n } bestanden tegelijk
tim-field-too-long = het formulierveld "{ $name }" is te lang
tim-imported = { $n ->
    [one] { $n } afspraak geïmporteerd van { $from } tot { $to }; { $replaced } vervangen.
   *[other] { $n } afspraken geïmporteerd van { $from } tot { $to }; { $replaced } vervangen.
}
tim-hours-saved = Week van { $monday }: { $hours } u { $category }.
tim-override-cleared = Correctie opgeheven.
tim-event-set = Afspraak ingesteld op { $category }.
tim-rule-added = Regel { $rule } toegevoegd; hij geldt vanaf de volgende import.
tim-rule-removed = Regel verwijderd; dat geldt vanaf de volgende import.
