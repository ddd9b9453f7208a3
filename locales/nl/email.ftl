# Invitations, reminders, re-invitations and samples. The subject's form is fixed in code:
# "[{company} {quarter}] {label}: {survey title}"; only the label is translated here.

email-label-invite = Enquête
email-label-reminder = Herinnering, sluit { $date }
email-label-reinvite = Enquête, nieuwe uitnodiging
email-label-sample = VOORBEELD enquête
email-greeting = Hallo { $name },
email-asks = Elk kwartaal vraagt { $company } aan de mensen voor wie de CTO werkt hoe goed dat gaat.
email-lead-invite = { $asks } Dit is de enquête van het { $quarter }:
email-lead-reminder = Je hebt de enquête van het { $quarter } nog niet ingevuld. Elk antwoord maakt de uitkomst betrouwbaarder.
email-lead-reinvite = { $asks } Onze eerste uitnodiging voor de enquête van het { $quarter } heeft je niet bereikt; deze vervangt hem:
email-call = Vul de enquête in
email-closes = De enquête sluit aan het eind van { $date } ({ $tz }).
email-anonymity = Je antwoorden zijn anoniem. Niemand bij { $company } — niet de beheerder van de enquête, niet de CTO en niet de raad van bestuur — kan zien wat jij hebt geantwoord. Uitkomsten worden pas getoond als de enquête gesloten is, en alleen voor groepen van minstens { $k ->
    [one] { $k } persoon.
   *[other] { $k } mensen.
}
email-personal = Deze link is persoonlijk en werkt tot je de enquête hebt ingevuld; stuur hem niet door.
email-sample-personal = In het echte bericht staat hier dat de link persoonlijk is en werkt tot de persoon heeft geantwoord; deze voorbeeldlink slaat niets op en mag met andere medewerkers worden gedeeld.
email-footer = Verstuurd door { $sender } met ctopulse. Vragen? Beantwoord deze e-mail.
email-sample-note = VOORBEELD — dit is een testbericht; de link toont alleen een voorbeeld van de enquête.

# "You said, we did": what the reader's group said last time and what was done since.
recap-heading = Jullie zeiden, wij deden
recap-did-heading = Wat we deden en nog doen
recap-status-planned = gepland
recap-status-in-progress = bezig
recap-status-done = gedaan
recap-status-dropped = geschrapt
recap-said-enps = eNPS onder engineers in het { $quarter }: { $value }.
recap-said-productive-happy = In het { $quarter } was { $share } van de engineers tegelijk productief en tevreden.
recap-said-alignment = In het { $quarter } vond { $share } van de respondenten de techstrategie in lijn met het bedrijf.
recap-said-csat = In het { $quarter } was { $share } van je groep over het geheel tevreden met de steun van de CTO.
recap-fallback = Niet vertaald; getoond in de taal van het bedrijf ({ $language }).
